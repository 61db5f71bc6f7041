package io.glimmer.bench;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One generated data set, column by column: numeric columns as doubles, categorical columns as
 * codes into level labels. The labels are chosen so that their code-point order is their index
 * order (zero-padded), and every level occurs, so {@link #toDataFrame()} and reading the CSV of
 * {@link #writeCsv} back with {@code CsvReader} give the same frame.
 */
public final class BenchData {
    /** A column: exactly one of {@code values} and {@code codes} is set. */
    public record Col(String name, double[] values, boolean integer, int[] codes, String[] levels) {
        public boolean numeric() {
            return values != null;
        }
    }

    private final String name;
    private final int rows;
    private final List<Col> columns = new ArrayList<>();

    BenchData(String name, int rows) {
        this.name = name;
        this.rows = rows;
    }

    BenchData numeric(String column, double[] values) {
        return add(new Col(column, values, false, null, null), values.length);
    }

    BenchData integer(String column, double[] values) {
        return add(new Col(column, values, true, null, null), values.length);
    }

    BenchData categorical(String column, int[] codes, String[] levels) {
        return add(new Col(column, null, false, codes, levels), codes.length);
    }

    private BenchData add(Col c, int length) {
        if (length != rows) {
            throw new IllegalArgumentException(c.name() + ": " + length + " values, expected " + rows);
        }
        columns.add(c);
        return this;
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public List<Col> columns() {
        return List.copyOf(columns);
    }

    public Col column(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + column));
    }

    /** The same data as a Glimmer frame, without a CSV round trip. */
    public DataFrame toDataFrame() {
        List<Column> cols = new ArrayList<>();
        for (Col c : columns) {
            cols.add(c.numeric() ? new NumericColumn(c.name(), c.values()) : new CategoricalColumn(c.name(), c.codes(), Arrays.asList(c.levels())));
        }
        return DataFrame.of("bench:" + name, cols);
    }

    /** Writes a header and one line per row: numbers in Java's shortest round-trip form, labels unquoted. */
    public void writeCsv(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder(128);
                for (int j = 0; j < columns.size(); j++) {
                    line.append(j == 0 ? "" : ",").append(columns.get(j).name());
                }
                w.append(line).append('\n');
                for (int r = 0; r < rows; r++) {
                    line.setLength(0);
                    for (int j = 0; j < columns.size(); j++) {
                        Col c = columns.get(j);
                        if (j > 0) {
                            line.append(',');
                        }
                        if (!c.numeric()) {
                            line.append(c.levels()[c.codes()[r]]);
                        } else if (c.integer()) {
                            line.append((long) c.values()[r]);
                        } else {
                            line.append(c.values()[r]);
                        }
                    }
                    w.append(line).append('\n');
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
