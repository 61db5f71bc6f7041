package io.glimmer.correlation;

import io.glimmer.linalg.SmallBlocks;

/**
 * R(φ)^{-1/2} as the inverse Cholesky factor of each group's block: with R_g = L_g L_g',
 * L_g⁻¹ ε_g has independent errors, so whitened y, X and Z give an ordinary linear mixed model.
 * Costs O(Σ m_g³) to factor and O(Σ m_g² · columns) to apply; never forms an n × n matrix.
 */
final class Whitening {
    private final ResidualGroups groups;
    private final double[][] factors;
    private final double logDet;

    private Whitening(ResidualGroups groups, double[][] factors, double logDet) {
        this.groups = groups;
        this.factors = factors;
        this.logDet = logDet;
    }

    /** The whitening at φ, or null when some block is not (numerically) positive definite. */
    static Whitening of(ResidualCorrelation structure, double phi, ResidualGroups groups) {
        double[][] factors = new double[groups.count()][];
        double logDet = 0;
        for (int j = 0; j < groups.count(); j++) {
            double[] t = groups.times(j);
            int m = t.length;
            double[] l = new double[m * m];
            structure.fill(phi, t, l);
            if (!SmallBlocks.cholesky(l, 0, m)) {
                return null;
            }
            for (int a = 0; a < m; a++) {
                logDet += 2 * Math.log(l[a * m + a]);
            }
            factors[j] = l;
        }
        return new Whitening(groups, factors, logDet);
    }

    /** log|R(φ)|. */
    double logDet() {
        return logDet;
    }

    /** L⁻¹ a for an n × w row-major matrix a (rows in model-frame order); a new array. */
    double[] whiten(double[] a, int w) {
        double[] out = new double[a.length];
        for (int j = 0; j < groups.count(); j++) {
            int[] rows = groups.rows(j);
            double[] l = factors[j];
            int m = rows.length;
            for (int i = 0; i < m; i++) { // forward substitution, all w columns at once
                int ri = rows[i] * w;
                System.arraycopy(a, ri, out, ri, w);
                for (int k = 0; k < i; k++) {
                    double lik = l[i * m + k];
                    int rk = rows[k] * w;
                    for (int c = 0; c < w; c++) {
                        out[ri + c] -= lik * out[rk + c];
                    }
                }
                double d = l[i * m + i];
                for (int c = 0; c < w; c++) {
                    out[ri + c] /= d;
                }
            }
        }
        return out;
    }

    /** L v for a vector in model-frame order: undoes {@link #whiten} (fitted values back on the data scale). */
    double[] unwhiten(double[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < groups.count(); j++) {
            int[] rows = groups.rows(j);
            double[] l = factors[j];
            int m = rows.length;
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int k = 0; k <= i; k++) {
                    s += l[i * m + k] * v[rows[k]];
                }
                out[rows[i]] = s;
            }
        }
        return out;
    }
}
