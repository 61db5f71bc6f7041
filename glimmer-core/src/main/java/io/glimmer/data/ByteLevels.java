package io.glimmer.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One chunk's categorical cells for {@link ChunkedCsv}: the distinct texts as bytes (UTF-8, compared byte for byte,
 * which for valid UTF-8 is comparing the texts) numbered in order of first appearance, and each row's number, -1
 * when missing. An open-addressing table over the bytes: no String and no boxed number per cell.
 */
final class ByteLevels {
    private byte[] pool = new byte[256];   // the distinct texts, one after another
    private int poolSize;
    private int[] offsets = new int[17];   // text k is pool[offsets[k], offsets[k + 1])
    private int count;
    private int[] table = new int[32];     // level number + 1, 0 for an empty slot
    private int[] codes;
    private int rows;

    ByteLevels(int expectedRows) {
        codes = new int[Math.max(16, expectedRows)];
    }

    void addMissing() {
        append(-1);
    }

    /** Appends the row whose text is bytes [start, end). */
    void add(byte[] b, int start, int end) {
        // Rows of one group often come together: the level of the row before needs no lookup.
        if (rows > 0) {
            int last = codes[rows - 1];
            if (last >= 0 && Arrays.equals(pool, offsets[last], offsets[last + 1], b, start, end)) {
                append(last);
                return;
            }
        }
        int h = hash(b, start, end);
        int mask = table.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int k = table[slot] - 1;
            if (k < 0) {
                table[slot] = newLevel(b, start, end) + 1;
                append(count - 1);
                if (count * 2 > table.length) {
                    rehash();
                }
                return;
            }
            if (Arrays.equals(pool, offsets[k], offsets[k + 1], b, start, end)) {
                append(k);
                return;
            }
        }
    }

    int rows() {
        return rows;
    }

    /** Each row's number into {@link #levels()}, -1 when missing. */
    int code(int row) {
        return codes[row];
    }

    /** The distinct texts, in the order they first appeared. */
    String[] levels() {
        String[] texts = new String[count];
        for (int k = 0; k < count; k++) {
            texts[k] = new String(pool, offsets[k], offsets[k + 1] - offsets[k], StandardCharsets.UTF_8);
        }
        return texts;
    }

    private void append(int code) {
        if (rows == codes.length) {
            codes = Arrays.copyOf(codes, rows * 2);
        }
        codes[rows++] = code;
    }

    private int newLevel(byte[] b, int start, int end) {
        int length = end - start;
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        System.arraycopy(b, start, pool, poolSize, length);
        poolSize += length;
        if (count + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[++count] = poolSize;
        return count - 1;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int k = 0; k < count; k++) {
            int slot = hash(pool, offsets[k], offsets[k + 1]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = k + 1;
        }
    }

    private static int hash(byte[] b, int start, int end) {
        int h = 1;
        for (int i = start; i < end; i++) {
            h = 31 * h + b[i];
        }
        // Murmur3's finaliser: ids like g00001, g00002 have consecutive polynomial hashes, which linear probing
        // would pile into one long run.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
