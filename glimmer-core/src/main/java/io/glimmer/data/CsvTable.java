package io.glimmer.data;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw text of a CSV file: the header names and, per column, the cells as written. This class
 * owns the file's structure (header, field counts, quoting) and its error messages; typing the
 * columns is {@link CsvReader}'s job.
 */
record CsvTable(List<String> names, List<List<String>> columns, int rows) {
    // RFC 4180 (double quotes, "" inside quotes) with the separator set per file, but skip empty lines as R does.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();
    // Commons CSV names the line in its messages: "(startline 3) EOF reached ..." or "... at line: 2, position: 10".
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?:startline |line: ?)(\\d+)");

    /**
     * Reads the whole input; an {@link io.glimmer.error.InputException} for any problem, naming source and line.
     *
     * @param separator the field separator, or null to detect it from the header ({@link SeparatorDetection})
     */
    static CsvTable parse(Reader reader, String source, Character separator) {
        CSVParser parser = null;
        char sep = ',';
        try {
            BufferedReader in = new BufferedReader(skipByteOrderMark(reader));
            sep = separator != null ? separator : SeparatorDetection.detect(in);
            parser = CSVParser.parse(in, FORMAT.builder().setDelimiter(sep).build());
            return parse(parser, source, sep);
        } catch (UncheckedIOException e) {
            throw ioError(source, e.getCause(), parser, sep);
        } catch (IOException e) {
            throw ioError(source, e, parser, sep);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw CsvReader.error(source, "cannot parse CSV" + nearLine(parser) + ": " + e.getMessage(), e);
        }
    }

    private static CsvTable parse(CSVParser parser, String source, char separator) {
        Iterator<CSVRecord> records = parser.iterator();
        CSVRecord header = null;
        while (records.hasNext() && header == null) {
            CSVRecord r = records.next();
            header = isBlankLine(r) ? null : r;
        }
        if (header == null) {
            throw CsvReader.error(source, "the file is empty (no header line)");
        }
        List<String> names = names(header, firstLine(header, parser.getCurrentLineNumber()), source);
        List<List<String>> columns = new ArrayList<>();
        names.forEach(n -> columns.add(new ArrayList<>()));

        int row = 0;
        while (records.hasNext()) {
            CSVRecord r = records.next();
            long line = firstLine(r, parser.getCurrentLineNumber());
            // A line of spaces is blank, unless the file has one column (then it is a missing value).
            if (names.size() > 1 && isBlankLine(r)) {
                continue;
            }
            row++;
            if (r.size() != names.size()) {
                throw CsvReader.error(source, "row " + row + " (line " + line + ") has " + r.size()
                        + (r.size() == 1 ? " field" : " fields") + ", the header has " + names.size()
                        + (separator == ',' ? "" : " (fields separated by " + CsvOptions.describe(separator) + ")"));
            }
            for (int i = 0; i < names.size(); i++) {
                columns.get(i).add(r.get(i));
            }
        }
        if (row == 0) {
            throw CsvReader.error(source, "the file has a header but no data rows");
        }
        return new CsvTable(names, columns, row);
    }

    /** Header names, trimmed (a formula cannot name " x"); empty and duplicated names are errors. */
    private static List<String> names(CSVRecord header, long line, String source) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (name.isEmpty()) {
                throw CsvReader.error(source, "column " + (i + 1) + " of the header (line " + line + ") has an empty name");
            }
            Integer before = seen.putIfAbsent(name, i + 1);
            if (before != null) {
                throw CsvReader.error(source, "duplicated column name '" + name + "' in the header (columns "
                        + before + " and " + (i + 1) + ")");
            }
            names.add(name);
        }
        return names;
    }

    /** A record that is one blank field: a line of spaces, which R's read.csv skips like an empty line. */
    private static boolean isBlankLine(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank();
    }

    /**
     * The line a record starts on. The parser reports the line it ended on; a quoted field may
     * span lines, so subtract the line breaks inside the fields.
     */
    private static long firstLine(CSVRecord r, long lastLine) {
        long breaks = 0;
        for (String value : r) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                // \r\n counts once: count \n, and \r only when not followed by \n.
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return lastLine - breaks;
    }

    private static io.glimmer.error.InputException ioError(String source, Throwable cause, CSVParser parser, char separator) {
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof CharacterCodingException) {
            // No line here: the decoder rejects a whole buffer, so the parser's line may be far off.
            return CsvReader.error(source, "the text is not valid UTF-8 (save the file as UTF-8)", cause);
        }
        Matcher m = LINE_IN_MESSAGE.matcher(message);
        String line = m.find() ? m.group(1) : null;
        if (message.contains("EOF reached before encapsulated token finished")) {
            return CsvReader.error(source, "unterminated quoted field starting at line " + line
                    + " (a \" is never closed)", cause);
        }
        if (message.contains("Invalid char between encapsulated token and delimiter")) {
            return CsvReader.error(source, "line " + line + ": text after the closing quote of a quoted field"
                    + " (write a \" inside quotes as \"\"" + (separator == ',' ? "" : "; fields are read as separated by "
                    + CsvOptions.describe(separator)) + ")", cause);
        }
        return CsvReader.error(source, "cannot read CSV" + (line != null ? " at line " + line : nearLine(parser))
                + ": " + message, cause);
    }

    private static String nearLine(CSVParser parser) {
        return parser == null ? "" : " near line " + (parser.getCurrentLineNumber() + 1);
    }

    /** Drops a UTF-8 byte-order mark (U+FEFF) that Excel and Notepad write at the start of a file. */
    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }
}
