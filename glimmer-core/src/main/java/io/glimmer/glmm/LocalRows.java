package io.glimmer.glmm;

import io.glimmer.design.LinearPredictor;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.family.ObservationModel;
import io.glimmer.linalg.CrossProducts;

/**
 * {@link PirlsRows} over the in-memory arrays of {@link GlmmData}: passes run by fixed row chunks in
 * parallel, and buffers are reused, so an iteration allocates nothing of the size of the data. It
 * also holds what only rows in memory give: a conditional density of its own (ordinal, zero
 * inflation), μ and η for the fitted values, and the β score.
 */
final class LocalRows implements PirlsRows {
    private static final double[] NO_COLUMNS = new double[0];

    private final GlmmData data;
    private final Family family;
    private final int n;
    private final int p;
    private final double[] eta;
    private final double[] mu;
    private final double[] weights;
    /** dμ/dη at the current η, computed with μ. */
    private final double[] muEta;
    /** The working response (minus Xβ when β is fixed): the last dense column of the cross-products. */
    private final double[] response;
    /** Per row chunk, its sum of deviance residuals (summed in chunk order). */
    private final double[] chunkDeviance;
    /** offset + Xβ and Xβ for {@link #fixedBeta}, kept through a run in which β does not move. */
    private final double[] fixedPart;
    private final double[] xBeta;
    private double[] fixedBeta;
    /**
     * The conditional density at the current extra parameters, or null for R's families: then the
     * objective is Σ deviance residuals and the weights Fisher's, as lme4's; else it is −2 Σ log f
     * and the weights the observed information (the Newton step's, positive, where that is not).
     */
    private ObservationModel.Conditional conditionalDensity;
    /**
     * Whether the weights pass uses the observed information throughout (Newton's step, and the
     * factor at the mode); false only for a step where that is not positive definite.
     */
    private boolean observedOnly = true;

    LocalRows(GlmmData data, Family family) {
        this.data = data;
        this.family = family;
        this.n = data.rows();
        this.p = data.p();
        this.eta = new double[n];
        this.mu = new double[n];
        this.weights = new double[n];
        this.muEta = new double[n];
        this.response = new double[n];
        this.chunkDeviance = new double[data.chunks()];
        this.fixedPart = new double[n];
        this.xBeta = new double[n];
    }

    @Override
    public int p() {
        return p;
    }

    void conditional(ObservationModel.Conditional density) {
        this.conditionalDensity = density;
    }

    boolean hasConditionalDensity() {
        return conditionalDensity != null;
    }

    /** Whether the weights use the observed information only (else step information where that is not positive). */
    void observedOnly(boolean only) {
        this.observedOnly = only;
    }

    /** Computes offset + Xβ and Xβ once for a run with β fixed. */
    @Override
    public void holdBeta(double[] beta) {
        if (isFixed(beta)) {
            return;
        }
        fixedBeta = beta.clone();
        data.forEachChunk(c -> data.fixedParts(fixedBeta, fixedPart, xBeta, data.chunkStart(c), data.chunkStart(c + 1)));
    }

    private boolean isFixed(double[] beta) {
        return fixedBeta != null && java.util.Arrays.equals(beta, fixedBeta);
    }

    /**
     * η, μ and the deviance Σ devianceResidual at (β, b), in one pass over the rows by fixed chunks
     * (in parallel; the chunks' sums are added in chunk order).
     */
    @Override
    public double evaluate(double[][] lambda, double[] beta, double[][] b) {
        data.scaleModes(lambda, b);
        Distribution dist = family.distribution();
        double[] y = data.y();
        double[] prior = data.weights();
        boolean fixed = isFixed(beta);
        data.forEachChunk(c -> {
            int r0 = data.chunkStart(c);
            int r1 = data.chunkStart(c + 1);
            if (fixed) {
                data.addRandom(fixedPart, eta, r0, r1);
            } else {
                data.linearPredictor(beta, eta, r0, r1);
            }
            updateMu(r0, r1);
            double s = 0;
            if (conditionalDensity != null) {
                for (int r = r0; r < r1; r++) {
                    s -= 2 * conditionalDensity.logDensity(r, y[r], eta[r], prior[r]);
                }
            } else {
                for (int r = r0; r < r1; r++) {
                    s += dist.devianceResidual(y[r], mu[r], prior[r]);
                }
            }
            chunkDeviance[c] = s;
        });
        double s = 0;
        for (double d : chunkDeviance) {
            s += d;
        }
        return s;
    }

    @Override
    public CrossProducts structure(int width) {
        return CrossProducts.structure(data.terms(), width);
    }

    @Override
    public void crossProducts(CrossProducts target, boolean withX, double[] beta) {
        boolean fixed = !withX && isFixed(beta);
        data.forEachChunk(c -> workingWeights(withX, fixed, beta, data.chunkStart(c), data.chunkStart(c + 1)));
        target.compute(weights, withX ? data.x() : NO_COLUMNS, response);
    }

    /** Working weights and response (minus Xβ when β is fixed) at the current μ, rows [r0, r1). */
    private void workingWeights(boolean withBeta, boolean fixed, double[] beta, int r0, int r1) {
        if (conditionalDensity != null) {
            newtonWeights(withBeta, fixed, beta, r0, r1);
            return;
        }
        Distribution dist = family.distribution();
        double[] offset = data.offset();
        double[] x = data.x();
        double[] y = data.y();
        double[] prior = data.weights();
        for (int r = r0; r < r1; r++) {
            double d = muEta[r];
            weights[r] = prior[r] * d * d / dist.variance(mu[r]);
            double z = eta[r] - (offset == null ? 0 : offset[r]) + (y[r] - mu[r]) / d;
            response[r] = withBeta ? z : fixed ? z - xBeta[r] : z - LinearPredictor.row(x, p, r, beta, 0);
        }
    }

    /**
     * Newton's weights and working response for a conditional density, rows [r0, r1): w = −∂²ℓ/∂η²
     * (a positive step weight where that is not positive, unless {@link #observedOnly}) and
     * z = η − offset + (∂ℓ/∂η)/w, so that the penalised least squares step is Newton's.
     */
    private void newtonWeights(boolean withBeta, boolean fixed, double[] beta, int r0, int r1) {
        double[] offset = data.offset();
        double[] x = data.x();
        double[] y = data.y();
        double[] prior = data.weights();
        for (int r = r0; r < r1; r++) {
            double info = conditionalDensity.information(r, y[r], eta[r], prior[r]);
            if (!observedOnly && !(info > 0)) {
                info = conditionalDensity.stepInformation(r, y[r], eta[r], prior[r]);
            }
            weights[r] = info;
            double step = info != 0 ? conditionalDensity.score(r, y[r], eta[r], prior[r]) / info : 0;
            double z = eta[r] - (offset == null ? 0 : offset[r]) + step;
            response[r] = withBeta ? z : fixed ? z - xBeta[r] : z - LinearPredictor.row(x, p, r, beta, 0);
        }
    }

    /** μ and dμ/dη from η, rows [r0, r1): the working weights of the next iteration need no second pass of the link. */
    private void updateMu(int r0, int r1) {
        family.link().inverseAndDerivative(eta, mu, muEta, r0, r1);
    }

    /**
     * X'w(μ − y)·μ'(η)/V(μ) at the last evaluated (β, b): the gradient in β of −log-likelihood for
     * the family's deviance, what {@link ProfiledNewton} steps on when the modes are profiled out.
     */
    double[] betaScore() {
        double[] x = data.x();
        double[] y = data.y();
        double[] prior = data.weights();
        double[] g = new double[p];
        for (int r = 0; r < n; r++) {
            double s = prior[r] * muEta[r] * (mu[r] - y[r]) / family.distribution().variance(mu[r]);
            for (int a = 0; a < p; a++) {
                g[a] += s * x[r * p + a];
            }
        }
        return g;
    }

    /** μ at the last mode (read-only view). */
    double[] mu() {
        return mu;
    }

    double[] eta() {
        return eta;
    }
}
