package io.glimmer.inference;

import io.glimmer.design.RandomEffectsTerm;

import java.util.List;

/**
 * θ written so that one standard deviation or correlation of the random effects is held while the
 * rest move freely. The held term's effects are reordered to put the held one (or the correlated
 * pair) first; in that order its relative covariance is F F' with F lower triangular, and
 * <ul>
 * <li>a standard deviation s is F₀₀ = s/σ, the rest of F free;</li>
 * <li>a correlation ρ is (F₀₀, F₁₀, F₁₁) = (α, ργ, γ√(1 − ρ²)) with α, γ ≥ 0 free.</li>
 * </ul>
 * Every covariance with the held value is reached, and no free coordinate can leave the set of
 * covariance matrices — unlike moving the other standard deviations and correlations, whose
 * correlations must stay positive definite. The minimum over the free coordinates does not depend
 * on how they are written, so this is lme4's profile. Other terms keep their θ.
 */
final class ProfileFactor {
    private final int[] q;
    private final int[] offset;
    private final int term;
    private final int[] order;
    private final boolean correlation;
    private final int size;

    /**
     * @param held the index (in θ's layout, as {@link ProfileScale}) of the standard deviation or
     *             correlation held, or −1 to hold none (every θ free)
     */
    ProfileFactor(List<RandomEffectsTerm> terms, int held) {
        q = terms.stream().mapToInt(RandomEffectsTerm::q).toArray();
        offset = new int[q.length];
        int s = 0;
        int t = -1;
        int row = -1;
        int col = -1;
        for (int k = 0; k < q.length; k++) {
            offset[k] = s;
            for (int c = 0; c < q[k]; c++) {
                for (int r = c; r < q[k]; r++) {
                    if (s++ == held) {
                        t = k;
                        row = r;
                        col = c;
                    }
                }
            }
        }
        term = t;
        correlation = row != col;
        size = held < 0 ? s : s - 1;
        if (t < 0) {
            order = null;
            return;
        }
        order = new int[q[t]];
        int i = 0;
        order[i++] = col;
        if (correlation) {
            order[i++] = row;
        }
        for (int e = 0; e < q[t]; e++) {
            if (e != col && (!correlation || e != row)) {
                order[i++] = e;
            }
        }
    }

    /** Number of free coordinates. */
    int size() {
        return size;
    }

    /**
     * For a held correlation, the free coordinates α and γ (the pair's standard deviations over σ):
     * where either is zero the correlation means nothing. None otherwise.
     */
    int[] pair() {
        return term >= 0 && correlation ? new int[]{offset[term], offset[term] + 1} : new int[0];
    }

    /** Lower bounds of the free coordinates: 0 for diagonals of a factor (and α, γ), else none. */
    double[] lower() {
        double[] lo = new double[size];
        int i = 0;
        for (int k = 0; k < q.length; k++) {
            for (int c = 0; c < q[k]; c++) {
                for (int r = c; r < q[k]; r++) {
                    if (k == term && skipped(r, c)) {
                        continue;
                    }
                    boolean nonNegative = r == c || k == term && correlation && c == 0 && r == 1;
                    lo[i++] = nonNegative ? 0 : Double.NEGATIVE_INFINITY;
                }
            }
        }
        return lo;
    }

    /** The free coordinates at θ (the held value is θ's own). */
    double[] free(double[] theta) {
        double[] u = new double[size];
        int i = 0;
        for (int k = 0; k < q.length; k++) {
            int qk = q[k];
            double[][] f = k == term ? reorderedFactor(theta) : ProfileScale.unpack(theta, offset[k], qk);
            for (int c = 0; c < qk; c++) {
                for (int r = c; r < qk; r++) {
                    if (k == term && skipped(r, c)) {
                        continue;
                    }
                    boolean gamma = k == term && correlation && c == 0 && r == 1;
                    u[i++] = gamma ? Math.hypot(f[1][0], f[1][1]) : f[r][c];
                }
            }
        }
        return u;
    }

    /**
     * θ from the free coordinates, the held value (a standard deviation or a correlation) and the
     * scale (σ, or 1 for a GLMM). False when rounding leaves the held term's covariance indefinite.
     */
    boolean theta(double[] free, double value, double scale, double[] theta) {
        int i = 0;
        for (int k = 0; k < q.length; k++) {
            int qk = q[k];
            if (k != term) {
                for (int j = 0; j < qk * (qk + 1) / 2; j++) {
                    theta[offset[k] + j] = free[i++];
                }
                continue;
            }
            double[][] f = new double[qk][qk];
            for (int c = 0; c < qk; c++) {
                for (int r = c; r < qk; r++) {
                    if (!skipped(r, c)) {
                        f[r][c] = free[i++];
                    }
                }
            }
            if (correlation) {
                double gamma = f[1][0];
                f[1][0] = value * gamma;
                f[1][1] = gamma * Math.sqrt(Math.max(0, 1 - value * value));
            } else {
                f[0][0] = value / scale;
            }
            double[][] cov = new double[qk][qk];
            for (int a = 0; a < qk; a++) {
                for (int b = 0; b < qk; b++) {
                    double s = 0;
                    for (int c = 0; c <= Math.min(a, b); c++) {
                        s += f[a][c] * f[b][c];
                    }
                    cov[order[a]][order[b]] = s;
                }
            }
            double[][] l = new double[qk][qk];
            if (!ProfileScale.cholesky(cov, l, qk)) {
                return false;
            }
            int o = offset[k];
            for (int c = 0; c < qk; c++) {
                for (int r = c; r < qk; r++) {
                    theta[o++] = l[r][c];
                }
            }
        }
        return true;
    }

    /** The held term's factor in the reordered effects: the Cholesky factor of the reordered λλ'. */
    private double[][] reorderedFactor(double[] theta) {
        int qk = q[term];
        double[][] l = ProfileScale.unpack(theta, offset[term], qk);
        double[][] cov = new double[qk][qk];
        for (int a = 0; a < qk; a++) {
            for (int b = 0; b < qk; b++) {
                double s = 0;
                for (int c = 0; c < qk; c++) {
                    s += l[order[a]][c] * l[order[b]][c];
                }
                cov[a][b] = s;
            }
        }
        double[][] f = new double[qk][qk];
        if (!ProfileScale.cholesky(cov, f, qk)) {
            throw new IllegalStateException("the covariance of the random effects at the estimate is not positive semidefinite");
        }
        return f;
    }

    /** Entries of the held term's factor that are not free: F₀₀ for a standard deviation, F₁₁ for a correlation. */
    private boolean skipped(int r, int c) {
        return correlation ? r == 1 && c == 1 : r == 0 && c == 0;
    }
}
