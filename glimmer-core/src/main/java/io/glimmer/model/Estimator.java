package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.FitMonitor;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.response.Response;

import java.util.List;

/**
 * One estimation method behind {@link PreparedModel}: what it checks before the data are read, which
 * rows it needs, how it reads the response, and the fit itself from the prepared design and
 * response. An estimator never rebuilds the design; refits, profiles and comparisons hand it a
 * prepared model that differs only in the response or the method.
 */
interface Estimator {
    /** Checks of the formula, options and family that need no rows, as one-line {@code InputException}s. */
    void check(Formula formula, FitOptions options, Family family, DataFrame data);

    /** Columns outside the formula whose missing values remove a row (cluster, strata, correlation time and group). */
    default List<String> rowColumns(FitOptions options) {
        return List.of();
    }

    /** The design this estimator fits, from the one built from the formula (an ordinal model's has no intercept). */
    default Design design(Design fromFormula) {
        return fromFormula;
    }

    /** The response and prior weights, in this estimator's conventions. */
    Response response(Design design, Formula formula, Family family, FitOptions options);

    /** Whether badly scaled fixed-effect columns are rescaled for the fit ({@link PredictorScaling}). */
    default boolean rescalesPredictors() {
        return false;
    }

    /** The fit; its details and source are attached by the prepared model. */
    MixedModelFit fit(PreparedModel model);

    /**
     * The fit at a saved model's parameters on this model's rows, nothing optimised (the report of a
     * saved model); estimators that cannot evaluate a model so refuse in one line.
     */
    default MixedModelFit fitAt(PreparedModel model, SavedParameters saved) {
        throw new InputException("a saved model is evaluated on data for linear mixed models and GLMMs of the binomial, poisson, Gamma, "
                + "inverse.gaussian and gaussian families so far (not method " + model.method().label() + ", family " + model.family().name()
                + "); fit the model from its data and formula instead");
    }

    /** The fit, watched by a monitor (which only iterative Monte Carlo fits use so far). */
    default MixedModelFit fit(PreparedModel model, FitMonitor monitor) {
        return fit(model);
    }
}
