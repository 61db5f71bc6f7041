package io.glimmer.inference;

import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;

import java.util.List;

/**
 * A fit kept ready to be refitted to other response vectors over the same rows, design, scaling
 * and method: what simulation, the parametric bootstrap and profiles need. Made by the prepared
 * model of a fit ({@code PreparedModel.refittable}); its design is only read by refits, so refits
 * may run on several threads.
 *
 * <p>Covers the likelihood fits whose response can be simulated: REML and ML linear mixed models,
 * and Laplace and AGQ GLMMs, without residual correlation.
 */
public interface RefittableModel {
    /** The fit to the observed data. */
    MixedModelFit fit();

    /** The design on the predictors' own scale (the fit's coefficients are on it). */
    Design design();

    /** The design the estimator fits: columns divided by {@link #columnScales()}. */
    Design scaledDesign();

    /** s_j of each column of X: a coefficient of the scaled design is s_j times the original one. */
    double[] columnScales();

    Family family();

    /** A linear mixed model (REML or ML), whose random effects are scaled by σ. */
    boolean linear();

    /** Quadrature points of a GLMM (1 for Laplace and for linear models). */
    int nAGQ();

    /** The observed response (binomial: proportions). */
    double[] y();

    /** Prior weights (binomial: times the number of trials), one per row, or null for a linear model without weights. */
    double[] weights();

    /** Whether the response was written {@code cbind(successes, failures)}, so successes are the natural scale. */
    boolean countResponse();

    /** The zero-inflation model's design over the same rows (its columns in the fit's zero-inflation order), or null. */
    default ModelMatrix zeroInflation() {
        return null;
    }

    /** An ordered response's categories in order (the response holds their numbers 1 … K), or null. */
    default List<String> categories() {
        return null;
    }

    /** What draws new responses of the fit: by default {@link ResponseSimulator}, for a linear predictor. */
    default ResponseDraws simulator() {
        return new ResponseSimulator(this);
    }

    /**
     * Fits the same model to another response over the same rows: numbers for a linear model,
     * proportions of successes (with the same trials) for a binomial GLMM.
     */
    MixedModelFit refit(double[] y);

    /** Refuses the methods that cannot be refitted to a simulated response. */
    static void checkCovered(Method method, boolean correlation) {
        if (method != Method.REML && method != Method.ML && method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("simulation and the parametric bootstrap cover {--method REML, ML, Laplace and AGQ}, not " + method.label());
        }
        if (correlation) {
            throw new InputException("simulation and the parametric bootstrap do not cover residual correlation ({--correlation}) yet");
        }
    }
}
