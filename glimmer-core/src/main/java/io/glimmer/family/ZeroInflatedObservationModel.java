package io.glimmer.family;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A count model with structural zeros (glmmTMB's ziformula): with probability p₀ = logit⁻¹(x_zi'γ)
 * a row is a zero whatever η, otherwise it follows the count model, so
 * f(0) = p₀ + (1 − p₀) f_c(0 | η) and f(y) = (1 − p₀) f_c(y | η) for y > 0. ψ is the count model's
 * own parameters followed by γ (one per column of the zero-inflation design).
 *
 * <p>In η, with ℓ₀ = log f_c(0 | η), s₀ = ∂ℓ₀/∂η, h₀ = −∂²ℓ₀/∂η² and q the probability that a zero
 * came from the count model, q = (1 − p₀)e^ℓ₀ / f(0): ∂ log f(0)/∂η = q s₀ and
 * −∂² log f(0)/∂η² = q h₀ − q(1 − q) s₀², which may be negative (then the step uses q h₀).
 */
final class ZeroInflatedObservationModel implements ObservationModel {
    private final ObservationModel count;
    private final int k;
    /** The zero-inflation design, n × pz row-major. */
    private final double[] x;
    private final List<String> names;

    ZeroInflatedObservationModel(ObservationModel count, double[] x, List<String> columns) {
        if (columns.isEmpty() || x.length % columns.size() != 0) {
            throw new IllegalArgumentException("a zero-inflation design needs at least one column and whole rows");
        }
        this.count = count;
        this.k = count.parameterNames().size();
        this.x = x;
        List<String> all = new ArrayList<>(count.parameterNames());
        columns.forEach(c -> all.add("zi~" + c));
        this.names = List.copyOf(all);
    }

    @Override
    public List<String> parameterNames() {
        return names;
    }

    @Override
    public int familyParameterCount() {
        return k;
    }

    @Override
    public double[] natural(double[] psi) {
        double[] out = psi.clone();
        System.arraycopy(count.natural(Arrays.copyOf(psi, k)), 0, out, 0, k);
        return out;
    }

    /** The count model's ψ from its reported values; γ as reported. */
    @Override
    public double[] psi(double[] natural) {
        double[] out = natural.clone();
        System.arraycopy(count.psi(Arrays.copyOf(natural, k)), 0, out, 0, k);
        return out;
    }

    /** A count-model parameter held as the count model holds it; γ_j held at x itself. */
    @Override
    public double[] held(double[] psi, int k, double x) {
        if (k >= this.k) {
            double[] out = psi.clone();
            out[k] = x;
            return out;
        }
        double[] count = this.count.held(Arrays.copyOf(psi, this.k), k, x);
        if (count == null) {
            return null;
        }
        double[] out = psi.clone();
        System.arraycopy(count, 0, out, 0, this.k);
        return out;
    }

    /** The count model's start, and γ = 0 (p₀ = 1/2, glmmTMB's start). */
    @Override
    public double[] start(double[] y, double[] weights, double[] mu) {
        return Arrays.copyOf(count.start(y, weights, mu), names.size());
    }

    @Override
    public Conditional at(double[] psi) {
        Conditional c = count.at(Arrays.copyOf(psi, k));
        int pz = names.size() - k;
        int n = x.length / pz;
        double[] logP0 = new double[n];
        double[] log1mP0 = new double[n];
        for (int r = 0; r < n; r++) {
            double lp = 0;
            for (int j = 0; j < pz; j++) {
                lp += x[r * pz + j] * psi[k + j];
            }
            // log p0 = −log(1 + e^−lp), log(1 − p0) = −log(1 + e^lp), without overflow
            logP0[r] = -softplus(-lp);
            log1mP0[r] = -softplus(lp);
        }
        return new Conditional() {
            /** q, the probability that a zero came from the count model: 1 / (1 + p₀ / ((1 − p₀) f_c(0))). */
            private double countShare(int row, double eta) {
                return 1 / (1 + Math.exp(logP0[row] - log1mP0[row] - c.logDensity(row, 0, eta, 1)));
            }

            @Override
            public double logDensity(int row, double y, double eta, double weight) {
                if (weight == 0) {
                    return 0;
                }
                if (y > 0) {
                    return weight * log1mP0[row] + c.logDensity(row, y, eta, weight);
                }
                return weight * logSumExp(logP0[row], log1mP0[row] + c.logDensity(row, 0, eta, 1));
            }

            @Override
            public double score(int row, double y, double eta, double weight) {
                if (y > 0 || weight == 0) {
                    return c.score(row, y, eta, weight);
                }
                double q = countShare(row, eta);
                return q * c.score(row, 0, eta, weight);
            }

            @Override
            public double information(int row, double y, double eta, double weight) {
                if (y > 0 || weight == 0) {
                    return c.information(row, y, eta, weight);
                }
                double q = countShare(row, eta);
                double s0 = c.score(row, 0, eta, 1);
                return weight * (q * c.information(row, 0, eta, 1) - q * (1 - q) * s0 * s0);
            }

            @Override
            public double stepInformation(int row, double y, double eta, double weight) {
                double info = information(row, y, eta, weight);
                if (info > 0 || weight == 0) {
                    return info;
                }
                if (y > 0) {
                    return c.stepInformation(row, y, eta, weight);
                }
                return weight * countShare(row, eta) * c.stepInformation(row, 0, eta, 1);
            }

            @Override
            public double zeroProbability(int row) {
                return Math.exp(logP0[row]);
            }
        };
    }

    private static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    private static double logSumExp(double a, double b) {
        double m = Math.max(a, b);
        return m == Double.NEGATIVE_INFINITY ? m : m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }
}
