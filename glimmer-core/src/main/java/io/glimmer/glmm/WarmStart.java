package io.glimmer.glmm;

import io.glimmer.linalg.SmallBlocks;

/**
 * Conditional modes carried from one θ to the next as a PIRLS start. The random effects
 * themselves, u = Λ(θ) b, move much less with θ than the spherical b (with many observations per
 * level, u hardly depends on θ while b scales as 1/θ), so the start for θ' solves Λ(θ') b' = Λ(θ) b
 * level by level. A term whose Λ(θ') has a (near) zero on its diagonal keeps b.
 */
final class WarmStart {
    /** Below this a diagonal entry of Λ(θ') is treated as zero (a boundary θ). */
    private static final double SINGULAR = 1e-8;

    private WarmStart() {
    }

    /**
     * @param b      modes found at lambdaFrom, per term level-major (q values per level)
     * @param from   Λ per term at which b was found (lower triangular q × q, row-major); null: b as is
     * @param to     Λ per term for the next run
     * @return the start for the next run (b itself when nothing changes)
     */
    static double[][] rescale(double[][] b, double[][] from, double[][] to) {
        if (from == null) {
            return b;
        }
        double[][] out = new double[b.length][];
        for (int k = 0; k < b.length; k++) {
            out[k] = rescaleTerm(b[k], from[k], to[k]);
        }
        return out;
    }

    private static double[] rescaleTerm(double[] b, double[] from, double[] to) {
        int q = (int) Math.round(Math.sqrt(to.length));
        for (int a = 0; a < q; a++) {
            if (!(Math.abs(to[a * q + a]) > SINGULAR) || !(Math.abs(from[a * q + a]) > SINGULAR)) {
                return b.clone();
            }
        }
        int levels = b.length / q;
        double[] out = new double[b.length];
        SmallBlocks.multiplyRightLowerTranspose(b, levels, from, q, out); // u = Λ(θ) b
        SmallBlocks.solveRightLowerTranspose(out, 0, levels, q, to, 0, q); // Λ(θ') b' = u
        return out;
    }
}
