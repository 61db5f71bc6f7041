package io.glimmer.conditional;

import java.util.Arrays;

/**
 * The normalising sum of one matched set's exact conditional likelihood,
 * B(m, n) = Σ over subsets S of size m of exp(Σ_{i∈S} η_i), with its first two derivatives, by the
 * recursion of Gail, Lubin &amp; Rubinstein (1981): B(k, j) = B(k, j−1) + exp(η_j) B(k−1, j−1).
 * That is O(n·m) work instead of C(n, m) subsets.
 *
 * <p>The derivatives are carried as moments of s = Σ_{i∈S} x_i under P(S) ∝ exp(η_S): its mean is
 * ∇ log B and its covariance is ∇² log B. B(k, j) is a two-part mixture (subsets without j, and
 * subsets with j), so each step mixes the previous column's log sum, mean and covariance with
 * weights that add to one. Nothing overflows, whatever the size of the set, and the covariance
 * never comes from the cancelling difference E[ss'] − E[s]E[s]'.
 */
final class SubsetSums {
    private SubsetSums() {
    }

    /**
     * @param logSum     log B(m, n)
     * @param mean       E[s], the gradient of log B (length p)
     * @param covariance Cov[s], the Hessian of log B (p × p, row-major)
     */
    record Moments(double logSum, double[] mean, double[] covariance) {
    }

    /**
     * @param x   the set's covariates, n × p row-major
     * @param eta linear predictors, length n
     * @param m   size of the subsets (number of cases), 0 ≤ m ≤ n
     */
    static Moments of(double[] x, int p, double[] eta, int m) {
        int n = eta.length;
        double[] logB = new double[m + 1];
        Arrays.fill(logB, Double.NEGATIVE_INFINITY);
        logB[0] = 0; // the empty subset
        double[][] mean = new double[m + 1][p];
        double[][] cov = new double[m + 1][p * p];
        double[] d = new double[p];
        for (int j = 0; j < n; j++) {
            int hi = Math.min(m, j + 1);
            int lo = Math.max(1, m - (n - 1 - j)); // smaller k can no longer reach m
            for (int k = hi; k >= lo; k--) { // downwards, so column j−1 is still in k−1
                double without = logB[k];
                double with = eta[j] + logB[k - 1];
                double top = Math.max(without, with);
                double total = top + Math.log(Math.exp(without - top) + Math.exp(with - top));
                double a = Math.exp(without - total);
                double c = Math.exp(with - total);
                double[] mk = mean[k];
                double[] mk1 = mean[k - 1];
                for (int t = 0; t < p; t++) {
                    d[t] = mk[t] - x[j * p + t] - mk1[t];
                }
                double[] ck = cov[k];
                double[] ck1 = cov[k - 1];
                double ac = a * c;
                for (int s = 0; s < p; s++) {
                    for (int t = 0; t < p; t++) {
                        ck[s * p + t] = a * ck[s * p + t] + c * ck1[s * p + t] + ac * d[s] * d[t];
                    }
                }
                for (int t = 0; t < p; t++) {
                    mk[t] = a * mk[t] + c * (x[j * p + t] + mk1[t]);
                }
                logB[k] = total;
            }
        }
        return new Moments(logB[m], mean[m], cov[m]);
    }
}
