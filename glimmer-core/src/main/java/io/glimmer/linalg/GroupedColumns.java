package io.glimmer.linalg;

/**
 * The columns of Z that belong to one random-effects term, in the compact form the factorisation
 * works from: each observation has one level (code) and q values (the term's model-matrix row).
 *
 * @param levels number of levels of the grouping factor
 * @param q      random effects per level
 * @param codes  level of each observation, 0-based
 * @param z      n × q values, row-major
 */
public record GroupedColumns(int levels, int q, int[] codes, double[] z) {
    public GroupedColumns {
        if (z.length != codes.length * q) {
            throw new IllegalArgumentException("z has " + z.length + " values, expected " + codes.length * q);
        }
    }

    public int rows() {
        return codes.length;
    }

    /** Number of columns of Z for this term. */
    public int columns() {
        return levels * q;
    }
}
