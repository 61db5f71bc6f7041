package io.glimmer.design;

import io.glimmer.linalg.Parallel;

import java.util.function.IntPredicate;

/**
 * Passes over a large frame's rows in fixed blocks shared by the kernel threads. Each block touches only its own
 * rows and results are merged in block order, so the outcome does not depend on the thread count.
 */
final class RowBlocks {
    /** Rows per block: large enough that handing out a block costs nothing next to its work. */
    static final int BLOCK = 1 << 16;

    private RowBlocks() {
    }

    /** Rows [from, to) of one block. */
    interface Body {
        void rows(int from, int to);
    }

    /** body over rows [0, n), block by block; small frames on the calling thread alone. */
    static void each(int n, Body body) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        Parallel.forEach(blocks, b -> body.rows(b * BLOCK, Math.min(n, (b + 1) * BLOCK)));
    }

    /** The first row in [0, n) where test holds, or -1. */
    static int first(int n, IntPredicate test) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int[] found = new int[blocks];
        Parallel.forEach(blocks, b -> {
            int to = Math.min(n, (b + 1) * BLOCK);
            int r = b * BLOCK;
            while (r < to && !test.test(r)) {
                r++;
            }
            found[b] = r < to ? r : -1;
        });
        for (int f : found) {
            if (f >= 0) {
                return f;
            }
        }
        return -1;
    }
}
