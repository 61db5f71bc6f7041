package io.glimmer.spark;

import java.io.Serializable;

/**
 * Compensated sums held by global slot of a fixed {@link PairPattern}, only for the slots some row
 * touched: sorted slot numbers and a block of {@code block} sums per slot. What a partition sends for
 * a pair of terms: primitive arrays, merged on the driver by walking the two slot lists in step.
 */
final class SlotSums implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int block;
    /** Ascending global slots. */
    private final int[] slots;
    private final CompensatedSums sums;

    SlotSums(int block, int[] slots, CompensatedSums sums) {
        if (sums.size() != slots.length * block) {
            throw new IllegalArgumentException("expected " + slots.length * block + " sums, got " + sums.size());
        }
        this.block = block;
        this.slots = slots;
        this.sums = sums;
    }

    static SlotSums none(int block) {
        return new SlotSums(block, new int[0], new CompensatedSums(0));
    }

    /** These sums plus other's, slot by slot (other's added to this one's where both have a slot). */
    SlotSums plus(SlotSums other) {
        if (slots.length == 0) {
            return other;
        }
        if (other.slots.length == 0) {
            return this;
        }
        int[] joined = new int[slots.length + other.slots.length];
        int i = 0;
        int k = 0;
        int n = 0;
        while (i < slots.length || k < other.slots.length) {
            joined[n++] = k == other.slots.length || (i < slots.length && slots[i] <= other.slots[k]) ? slots[i] : other.slots[k];
            i += i < slots.length && slots[i] == joined[n - 1] ? 1 : 0;
            k += k < other.slots.length && other.slots[k] == joined[n - 1] ? 1 : 0;
        }
        CompensatedSums out = new CompensatedSums(n * block);
        i = 0;
        k = 0;
        for (int s = 0; s < n; s++) {
            int to = s * block;
            if (i < slots.length && slots[i] == joined[s]) {
                for (int c = 0; c < block; c++) {
                    out.add(to + c, sums, i * block + c);
                }
                i++;
            }
            if (k < other.slots.length && other.slots[k] == joined[s]) {
                for (int c = 0; c < block; c++) {
                    out.add(to + c, other.sums, k * block + c);
                }
                k++;
            }
        }
        return new SlotSums(block, java.util.Arrays.copyOf(joined, n), out);
    }

    /** The sums rounded, laid out over all {@code slotCount} slots (untouched ones zero). */
    double[] values(int slotCount) {
        double[] out = new double[slotCount * block];
        for (int s = 0; s < slots.length; s++) {
            for (int c = 0; c < block; c++) {
                out[slots[s] * block + c] = sums.get(s * block + c);
            }
        }
        return out;
    }
}
