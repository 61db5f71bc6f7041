package io.glimmer.linalg;

/**
 * A block-diagonal matrix of {@code count} square {@code q × q} blocks, stored block after block,
 * each row-major. Z'Z of one random-effects term has this shape: one block per level.
 */
public final class BlockDiagonal {
    private final int count;
    private final int q;
    private final double[] values;

    public BlockDiagonal(int count, int q) {
        this(count, q, new double[count * q * q]);
    }

    public BlockDiagonal(int count, int q, double[] values) {
        if (values.length != count * q * q) {
            throw new IllegalArgumentException("expected " + count * q * q + " values, got " + values.length);
        }
        this.count = count;
        this.q = q;
        this.values = values;
    }

    public int count() {
        return count;
    }

    public int q() {
        return q;
    }

    /** The backing array (block b starts at b·q²); exposed for the factorisation kernels. */
    public double[] values() {
        return values;
    }

    public double get(int block, int i, int j) {
        return values[block * q * q + i * q + j];
    }

    public BlockDiagonal copy() {
        return new BlockDiagonal(count, q, values.clone());
    }
}
