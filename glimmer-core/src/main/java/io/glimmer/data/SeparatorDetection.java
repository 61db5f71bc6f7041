package io.glimmer.data;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Which of comma, tab and semicolon separates the fields of a file, judged from its header line
 * (the first line that is not blank): the one that occurs most often there outside quotes. A
 * European spreadsheet writes semicolons (its decimal mark is the comma), a TSV file tabs.
 */
final class SeparatorDetection {
    // A header longer than this is judged on its first part; the reader must be able to go back.
    static final int HEADER_LIMIT = 1 << 16;

    private SeparatorDetection() {
    }

    /** The separator; the reader is left where it was (it is marked and reset). */
    static char detect(BufferedReader in) throws IOException {
        in.mark(HEADER_LIMIT + 1);
        try {
            return detect(in, HEADER_LIMIT);
        } finally {
            in.reset();
        }
    }

    private static char detect(BufferedReader in, int limit) throws IOException {
        String candidates = CsvOptions.DETECTED_SEPARATORS;
        int[] counts = new int[candidates.length()];
        boolean quoted = false;
        boolean blank = true; // the line so far is blank: leading blank lines are skipped, as the parser does
        for (int i = 0; i < limit; i++) {
            int c = in.read();
            if (c == -1) {
                break;
            }
            if (c == '"') {
                quoted = !quoted; // a doubled "" inside quotes toggles twice
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (!blank) {
                    break;
                }
                continue;
            } else if (!quoted) {
                int k = candidates.indexOf(c);
                if (k >= 0) {
                    counts[k]++;
                }
            }
            if (c != ' ' && c != '\n' && c != '\r') {
                blank = false; // a tab counts: a line of tabs is a header of empty names
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates.charAt(best);
    }
}
