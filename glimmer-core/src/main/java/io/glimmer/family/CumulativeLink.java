package io.glimmer.family;

import java.util.ArrayList;
import java.util.List;

/**
 * The cumulative-link model of an ordered response with K categories (ordinal's clm and clmm):
 * P(Y ≤ j | η) = F(α_j − η), j = 1 … K − 1, with increasing thresholds α and no intercept in η. As
 * an {@link ObservationModel} y is the category's number 1 … K, and the thresholds are the extra
 * parameters on an unbounded scale that keeps them in order: ψ₁ = α₁, ψ_j = log(α_j − α_{j−1}).
 * The thresholds are named as ordinal names them, "1|2", "2|3", … from the categories' names.
 */
public final class CumulativeLink implements ObservationModel {
    /** Probabilities below this are taken as this in the score and information (the log density is −745 there). */
    private static final double SMALLEST = Double.MIN_NORMAL;

    private final Link link;
    private final LatentDistribution latent;
    private final List<String> categories;
    private final List<String> thresholdNames;

    private CumulativeLink(Link link, List<String> categories) {
        this.link = link;
        this.latent = LatentDistribution.of(link);
        this.categories = List.copyOf(categories);
        List<String> names = new ArrayList<>();
        for (int j = 1; j < categories.size(); j++) {
            names.add(categories.get(j - 1) + "|" + categories.get(j));
        }
        this.thresholdNames = List.copyOf(names);
    }

    /**
     * @param link       logit, probit or cloglog
     * @param categories the response's categories in their order, at least two
     */
    public static CumulativeLink of(Link link, List<String> categories) {
        if (categories.size() < 2) {
            throw new IllegalArgumentException("a cumulative-link model needs at least two categories");
        }
        return new CumulativeLink(link, categories);
    }

    public Link link() {
        return link;
    }

    /** The categories in order. */
    public List<String> categories() {
        return categories;
    }

    /** The thresholds' names, "1|2", "2|3", …, K − 1 of them. */
    @Override
    public List<String> parameterNames() {
        return thresholdNames;
    }

    /** The thresholds α from ψ. */
    @Override
    public double[] natural(double[] psi) {
        double[] alpha = new double[psi.length];
        alpha[0] = psi[0];
        for (int j = 1; j < psi.length; j++) {
            alpha[j] = alpha[j - 1] + Math.exp(psi[j]);
        }
        return alpha;
    }

    /** ψ from the thresholds α: α₁, then the logs of the gaps. */
    @Override
    public double[] psi(double[] alpha) {
        double[] psi = new double[alpha.length];
        psi[0] = alpha[0];
        for (int j = 1; j < psi.length; j++) {
            psi[j] = Math.log(alpha[j] - alpha[j - 1]);
        }
        return psi;
    }

    /**
     * α_k held at x: ψ₁ = x for the first threshold, else the gap to α_{k−1} (from ψ₁ … ψ_{k−1}) is
     * x − α_{k−1}, which must be positive; the later gaps are kept, so the later thresholds move with α_k.
     */
    @Override
    public double[] held(double[] psi, int k, double x) {
        double[] out = psi.clone();
        if (k == 0) {
            out[0] = x;
            return out;
        }
        double previous = psi[0];
        for (int j = 1; j < k; j++) {
            previous += Math.exp(psi[j]);
        }
        if (!(x > previous)) {
            return null;
        }
        out[k] = Math.log(x - previous);
        return out;
    }

    /** ∂α_i/∂ψ_j: 1 for ψ₁, exp ψ_j for j ≤ i. */
    @Override
    public double[][] jacobian(double[] psi) {
        int m = psi.length;
        double[][] d = new double[m][m];
        for (int i = 0; i < m; i++) {
            d[i][0] = 1;
            for (int j = 1; j <= i; j++) {
                d[i][j] = Math.exp(psi[j]);
            }
        }
        return d;
    }

    /** The thresholds of the model without covariates, F⁻¹ of the cumulative proportions (clm's start, with β = 0). */
    @Override
    public double[] start(double[] y, double[] weights, double[] mu) {
        int k = categories.size();
        double[] count = new double[k];
        double total = 0;
        for (int r = 0; r < y.length; r++) {
            count[(int) y[r] - 1] += weights[r];
            total += weights[r];
        }
        double[] psi = new double[k - 1];
        double cumulative = 0;
        double previous = 0;
        for (int j = 0; j < k - 1; j++) {
            cumulative += count[j];
            double alpha = latent.quantile(Math.min(Math.max(cumulative / total, 1e-6), 1 - 1e-6));
            // an empty category would give equal thresholds: keep them a little apart
            psi[j] = j == 0 ? alpha : Math.log(Math.max(alpha - previous, 1e-3));
            previous = j == 0 ? alpha : previous + Math.exp(psi[j]);
        }
        return psi;
    }

    /** β starts at 0, as clm's, not from a GLM. */
    @Override
    public boolean startsFromGlm() {
        return false;
    }

    /** The thresholds are reported as coefficients (a table with standard errors), not as family parameters. */
    @Override
    public boolean coefficients() {
        return true;
    }

    /** The probability of each category at η given the thresholds α (K values summing to 1). */
    public double[] probabilities(double eta, double[] alpha) {
        int k = alpha.length + 1;
        double[] p = new double[k];
        for (int j = 0; j < k; j++) {
            p[j] = latent.between(j == 0 ? Double.NEGATIVE_INFINITY : alpha[j - 1] - eta, j == k - 1 ? Double.POSITIVE_INFINITY : alpha[j] - eta);
        }
        return p;
    }

    /** The category (1 … K) whose interval of F holds u in (0, 1): a draw when u is uniform. */
    public int category(double eta, double[] alpha, double u) {
        for (int j = 0; j < alpha.length; j++) {
            if (u <= latent.cdf(alpha[j] - eta)) {
                return j + 1;
            }
        }
        return alpha.length + 1;
    }

    @Override
    public Conditional at(double[] psi) {
        double[] alpha = natural(psi);
        int k = alpha.length + 1;
        return new Conditional() {
            private double lower(double y, double eta) {
                int j = (int) y;
                return j == 1 ? Double.NEGATIVE_INFINITY : alpha[j - 2] - eta;
            }

            private double upper(double y, double eta) {
                int j = (int) y;
                return j == k ? Double.POSITIVE_INFINITY : alpha[j - 1] - eta;
            }

            private double probability(double y, double eta) {
                return Math.max(latent.between(lower(y, eta), upper(y, eta)), SMALLEST);
            }

            /** dP/dη = −(f(upper) − f(lower)). */
            private double slope(double y, double eta) {
                return -(density(upper(y, eta)) - density(lower(y, eta)));
            }

            private double density(double x) {
                return Double.isInfinite(x) ? 0 : latent.density(x);
            }

            private double densitySlope(double x) {
                return Double.isInfinite(x) ? 0 : latent.densitySlope(x);
            }

            @Override
            public double logDensity(int row, double y, double eta, double weight) {
                return weight == 0 ? 0 : weight * Math.log(probability(y, eta));
            }

            @Override
            public double score(int row, double y, double eta, double weight) {
                return weight == 0 ? 0 : weight * slope(y, eta) / probability(y, eta);
            }

            /** −w ∂² log P/∂η² = −w (P''/P − (P'/P)²), P'' = f'(upper) − f'(lower); ≥ 0 for these log-concave F. */
            @Override
            public double information(int row, double y, double eta, double weight) {
                if (weight == 0) {
                    return 0;
                }
                double p = probability(y, eta);
                double d1 = slope(y, eta) / p;
                double d2 = (densitySlope(upper(y, eta)) - densitySlope(lower(y, eta))) / p;
                return -weight * (d2 - d1 * d1);
            }

            @Override
            public double stepInformation(int row, double y, double eta, double weight) {
                double info = information(row, y, eta, weight);
                return info > 0 || weight == 0 ? info : 1e-10 * weight; // rounding only: F is log-concave
            }

            @Override
            public double fitted(int row, double y, double eta) {
                return latent.between(lower(y, eta), upper(y, eta));
            }
        };
    }

    @Override
    public String toString() {
        return "cumulative link (" + link.name() + ", " + categories.size() + " categories)";
    }
}
