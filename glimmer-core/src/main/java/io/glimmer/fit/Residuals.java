package io.glimmer.fit;

import io.glimmer.error.InputException;
import io.glimmer.design.Design;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.family.Link;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.response.Response;

/**
 * The residuals of a fit for every row it used, as R's {@code residuals(fit, type = )} defines them
 * from the conditional fitted values μ (random effects at their modes) and the family:
 * response y − μ; Pearson (y − μ)√w / √V(μ); deviance sign(y − μ)√d with d the unit deviance times
 * the prior weight w; working (y − μ) dη/dμ. For a binomial response y is the proportion and w the
 * number of trials. None is divided by σ or the dispersion (the fit's scaled residuals are).
 *
 * @param rows     0-based row of each residual in the data as read (rows with missing values skipped)
 * @param observed the response y
 * @param fitted   μ, on the response scale
 */
public record Residuals(int[] rows, double[] observed, double[] fitted, double[] response, double[] pearson,
                        double[] deviance, double[] working) {

    /** The residuals of a fit, the response and prior weights taken again from its design. */
    public static Residuals of(MixedModelFit fit, Design design, String weightsColumn) {
        if (fit.fitted().length != design.rows()) {
            throw new InputException("residuals need a fitted value for every row used; this " + fit.method() + " fit reports "
                    + fit.fitted().length + " for " + design.rows() + " rows");
        }
        Family family = Family.of(fit.family(), fit.link());
        Response response = Response.of(design.frame(), design.formula().response(), family, weightsColumn);
        return of(family, response.y(), response.weights(), fit.fitted(), design.frame().keptRows());
    }

    /**
     * @param y       response (binomial: proportion of successes)
     * @param weights prior weights (binomial: trials), or null for ones
     * @param mu      fitted values on the response scale
     * @param rows    the data row of each observation
     */
    public static Residuals of(Family family, double[] y, double[] weights, double[] mu, int[] rows) {
        int n = y.length;
        if (mu.length != n || rows.length != n || weights != null && weights.length != n) {
            throw new IllegalArgumentException(n + " responses, " + mu.length + " fitted values, " + rows.length + " rows");
        }
        Distribution dist = family.distribution();
        Link link = family.link();
        double[] response = new double[n];
        double[] pearson = new double[n];
        double[] deviance = new double[n];
        double[] working = new double[n];
        for (int r = 0; r < n; r++) {
            double w = weights == null ? 1 : weights[r];
            double e = y[r] - mu[r];
            response[r] = e;
            pearson[r] = e * Math.sqrt(w / dist.variance(mu[r]));
            deviance[r] = Math.copySign(Math.sqrt(Math.max(0, dist.devianceResidual(y[r], mu[r], w))), e);
            working[r] = e / link.muEta(link.link(mu[r]));
        }
        return new Residuals(rows.clone(), y.clone(), mu.clone(), response, pearson, deviance, working);
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] response() {
        return response.clone();
    }

    @Override
    public double[] pearson() {
        return pearson.clone();
    }

    @Override
    public double[] deviance() {
        return deviance.clone();
    }

    @Override
    public double[] working() {
        return working.clone();
    }

    public int size() {
        return rows.length;
    }

    /** Σ Pearson²: the Pearson χ² statistic. */
    public double pearsonChiSquare() {
        double s = 0;
        for (double v : pearson) {
            s += v * v;
        }
        return s;
    }

    /** Σ deviance residual²: the (conditional) deviance. */
    public double devianceSum() {
        double s = 0;
        for (double v : deviance) {
            s += v * v;
        }
        return s;
    }
}
