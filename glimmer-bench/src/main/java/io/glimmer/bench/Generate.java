package io.glimmer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the benchmark data: {@code java -cp glimmer-bench/target/benchmarks.jar io.glimmer.bench.Generate [options] [shape...]}.
 * With no shapes, all six. For each shape, {@code <dir>/<shape>.csv} and {@code <dir>/<shape>.spec}
 * (formula, family, method: what bench/fit-lme4.R fits).
 * <pre>
 *   --dir DIR       where to write (default bench/data)
 *   --if-missing    keep an existing CSV (the spec is always rewritten)
 * </pre>
 */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) {
        Path dir = Path.of("bench", "data");
        boolean ifMissing = false;
        List<String> shapes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--if-missing" -> ifMissing = true;
                case "-h", "--help" -> {
                    System.out.println("usage: Generate [--dir DIR] [--if-missing] [shape...]   shapes: " + String.join(" ", Shapes.names()));
                    return;
                }
                default -> shapes.add(args[i]);
            }
        }
        if (shapes.isEmpty()) {
            shapes.addAll(Shapes.names());
        }
        for (String name : shapes) {
            Shapes.Spec spec = Shapes.spec(name);
            spec.writeSpec(dir);
            Path csv = spec.csv(dir);
            if (ifMissing && Files.isRegularFile(csv)) {
                System.out.println(csv + ": exists");
                continue;
            }
            long t0 = System.nanoTime();
            BenchData data = spec.generate();
            data.writeCsv(csv);
            System.out.printf("%s: %d rows (%s) in %.1f s%n", csv, data.rows(), spec.title(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
