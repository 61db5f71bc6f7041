package io.glimmer.inference;

import io.glimmer.error.InputException;
import io.glimmer.design.Design;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.ZeroInflationDesign;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.family.CumulativeLink;
import io.glimmer.family.Family;
import io.glimmer.family.ParametricDistribution;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.lmm.CovarianceStructure;

import java.util.List;
import java.util.SplittableRandom;

/**
 * New responses from a fitted model, as lme4's {@code simulate(fit, use.u = FALSE)}: fresh random
 * effects u = s·Λ(θ̂)v with v ~ N(0, I) for every level (s = σ̂ for a linear model, 1 for a GLMM),
 * η = offset + Xβ̂ + Zu, then y from the family at μ = g⁻¹(η): N(μ, σ̂²/w), Bin(m, μ)/m with m
 * trials, Poisson(μ) (prior weights ignored, as R does), Gamma with shape w/φ̂ and mean μ, inverse
 * Gaussian with shape w/φ̂; nbinom2, nbinom1 and beta with their estimated parameter; an ordered
 * response's category (its number 1 … K) from the fitted cumulative model, P(Y ≤ j) = F(α̂_j − η).
 */
public final class ResponseSimulator implements ResponseDraws {
    private final RefittableModel model;
    private final Design design;
    private final Family family;
    private final double[] beta;
    private final double[][] lambdas;
    private final double scale;
    private final double dispersion;
    private final double[] weights;
    private final int[] trials;
    /** Each row's probability of a structural zero (zero inflation), or null. */
    private final double[] zeroProbabilities;
    /** An ordered response's cumulative model and its thresholds α̂, or null. */
    private final CumulativeLink ordinal;
    private final double[] thresholds;

    public ResponseSimulator(RefittableModel model) {
        this.model = model;
        this.design = model.design();
        MixedModelFit fit = model.fit();
        this.family = model.family().withParameters(fit.familyParameters());
        this.beta = coefficients(design, fit);
        CovarianceStructure cs = new CovarianceStructure(design.randomTerms());
        this.lambdas = cs.newLambdas();
        cs.lambdas(fit.theta(), lambdas);
        double sigma = fit.residualStdDev() == null ? 1 : fit.residualStdDev();
        this.scale = model.linear() ? sigma : 1;
        this.dispersion = sigma * sigma;
        this.weights = model.weights();
        this.trials = family.name().equals("binomial") ? wholeTrials(weights) : null;
        this.zeroProbabilities = zeroProbabilities(model.zeroInflation(), fit);
        this.ordinal = model.categories() == null ? null : CumulativeLink.of(model.family().link(), model.categories());
        this.thresholds = fit.thresholds().stream().mapToDouble(FixedEffect::estimate).toArray();
    }

    /** p₀ = logit⁻¹(x_zi'γ̂) per row, or null without zero inflation. */
    private static double[] zeroProbabilities(ModelMatrix zi, MixedModelFit fit) {
        if (zi == null) {
            return null;
        }
        double[] gamma = fit.zeroInflationFixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        return ZeroInflationDesign.zeroProbabilities(zi, gamma);
    }

    /** β̂ in the order of the design's columns. */
    private static double[] coefficients(Design design, MixedModelFit fit) {
        List<String> names = design.x().names();
        double[] b = new double[names.size()];
        for (int j = 0; j < b.length; j++) {
            String name = names.get(j);
            b[j] = fit.fixedEffects().stream().filter(f -> f.term().equals(name)).mapToDouble(FixedEffect::estimate)
                    .findFirst().orElseThrow(() -> new IllegalStateException("the fit has no coefficient " + name));
        }
        return b;
    }

    private static int[] wholeTrials(double[] w) {
        int[] m = new int[w.length];
        for (int r = 0; r < w.length; r++) {
            double rounded = Math.rint(w[r]);
            if (Math.abs(w[r] - rounded) > 1e-7 * Math.max(1, w[r])) {
                throw new InputException("simulating a binomial response needs whole numbers of trials; row " + (r + 1)
                        + " of the model has " + w[r]);
            }
            m[r] = (int) rounded;
        }
        return m;
    }

    /** Number of values per simulated response (the rows the model uses). */
    public int rows() {
        return design.rows();
    }

    @Override
    public double[] simulate(SplittableRandom rng) {
        double[] eta = linearPredictor(rng);
        int n = eta.length;
        double[] y = new double[n];
        String name = family.name();
        if (ordinal != null) {
            for (int r = 0; r < n; r++) {
                y[r] = ordinal.category(eta[r], thresholds, rng.nextDouble());
            }
            return y;
        }
        for (int r = 0; r < n; r++) {
            double mu = family.mu(eta[r]);
            double w = weights == null ? 1 : weights[r];
            y[r] = switch (name) {
                case "gaussian" -> RandomVariates.normal(rng, mu, Math.sqrt(dispersion / w));
                case "binomial" -> trials[r] == 0 ? 0 : RandomVariates.binomial(rng, trials[r], mu) / trials[r];
                case "poisson" -> RandomVariates.poisson(rng, mu);
                case "Gamma" -> RandomVariates.gamma(rng, w / dispersion, mu * dispersion / w);
                case "inverse.gaussian" -> RandomVariates.inverseGaussian(rng, mu, w / dispersion);
                case "nbinom2", "nbinom1", "beta" -> ownParameter(rng, name, mu);
                default -> throw new IllegalStateException("no simulator for the " + name + " family");
            };
            if (zeroProbabilities != null && rng.nextDouble() < zeroProbabilities[r]) { // a structural zero
                y[r] = 0;
            }
        }
        return y;
    }

    /**
     * A draw from a family with its own parameter (prior weights ignored, as for the Poisson): the
     * negative binomials as Poisson(Gamma) mixtures, nbinom2 of shape θ, nbinom1 of shape μ/φ; the
     * beta as X/(X + Y) of Gamma(μφ) and Gamma((1 − μ)φ).
     */
    private double ownParameter(SplittableRandom rng, String name, double mu) {
        double par = ((ParametricDistribution) family.distribution()).parameter();
        return switch (name) {
            case "nbinom2" -> RandomVariates.poisson(rng, RandomVariates.gamma(rng, par, mu / par));
            case "nbinom1" -> RandomVariates.poisson(rng, RandomVariates.gamma(rng, mu / par, par));
            default -> {
                double a = RandomVariates.gamma(rng, mu * par, 1);
                double b = RandomVariates.gamma(rng, (1 - mu) * par, 1);
                yield a / (a + b);
            }
        };
    }

    /** The response as the data would hold it: successes for a {@code cbind(successes, failures)} response, else unchanged. */
    @Override
    public double[] asData(double[] y) {
        if (!model.countResponse()) {
            return y.clone();
        }
        double[] s = new double[y.length];
        for (int r = 0; r < y.length; r++) {
            s[r] = Math.rint(y[r] * trials[r]);
        }
        return s;
    }

    /** η = offset + Xβ̂ + Σ_k Z_k u_k with new random effects u_k = s·λ_k v per level. */
    private double[] linearPredictor(SplittableRandom rng) {
        int n = design.rows();
        int p = design.p();
        double[] x = design.x().values();
        double[] offset = design.offset();
        double[] eta = new double[n];
        LinearPredictor.fill(x, p, offset, beta, eta, 0, n);
        List<RandomEffectsTerm> terms = design.randomTerms();
        for (int k = 0; k < terms.size(); k++) {
            GroupedColumns g = terms.get(k).columns();
            int q = g.q();
            double[] l = lambdas[k];
            double[] u = new double[g.levels() * q];
            double[] v = new double[q];
            for (int level = 0; level < g.levels(); level++) {
                for (int a = 0; a < q; a++) {
                    v[a] = rng.nextGaussian();
                }
                for (int a = 0; a < q; a++) {
                    double s = 0;
                    for (int t = 0; t <= a; t++) {
                        s += l[a * q + t] * v[t];
                    }
                    u[level * q + a] = scale * s;
                }
            }
            int[] codes = g.codes();
            double[] z = g.z();
            for (int r = 0; r < n; r++) {
                int base = codes[r] * q;
                for (int a = 0; a < q; a++) {
                    eta[r] += z[r * q + a] * u[base + a];
                }
            }
        }
        return eta;
    }
}
