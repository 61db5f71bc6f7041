package io.glimmer.glmm;

import io.glimmer.linalg.GroupedColumns;

/** The rows of each level of one random-effects term (compressed: level j's rows are rows[start[j] … start[j + 1])). */
record LevelRows(int[] start, int[] rows) {
    static LevelRows of(GroupedColumns term) {
        int[] codes = term.codes();
        int[] start = new int[term.levels() + 1];
        for (int c : codes) {
            start[c + 1]++;
        }
        for (int j = 0; j < term.levels(); j++) {
            start[j + 1] += start[j];
        }
        int[] next = start.clone();
        int[] rows = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            rows[next[codes[r]]++] = r;
        }
        return new LevelRows(start, rows);
    }
}
