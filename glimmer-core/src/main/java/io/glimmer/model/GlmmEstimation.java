package io.glimmer.model;

import io.glimmer.error.InputException;

import io.glimmer.options.FitOptions;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.design.ZeroInflationDesign;
import io.glimmer.family.Family;
import io.glimmer.family.ParametricDistribution;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.response.Response;

import java.util.List;

/** A GLMM by the Laplace approximation (nAGQ = 1) or adaptive Gauss–Hermite quadrature (glmer), on the rescaled design. */
record GlmmEstimation(int nAGQ) implements Estimator {
    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        RandomTermsRequired.check(formula);
        if (options.zeroInflation() != null) {
            ZeroInflationDesign.parse(options.zeroInflation(), data);
        }
    }

    /** The zero-inflation formula's variables: a row missing one is not used (as R's na.omit of glmmTMB's frame). */
    @Override
    public List<String> rowColumns(FitOptions options) {
        return options.zeroInflation() == null ? List.of() : List.copyOf(Formula.parse(ZeroInflationDesign.oneSided(options.zeroInflation())).variables());
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return Response.of(design.frame(), formula.response(), family, options.weights());
    }

    @Override
    public boolean rescalesPredictors() {
        return true;
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        ZeroInflationDesign zi = model.zeroInflation();
        MixedModelFit fit = model.unscale(new GeneralizedLinearMixedModel(model.scaledDesign(), model.response(), model.family(), nAGQ,
                zi == null ? null : zi.x()).fit());
        if (zi == null) {
            return fit;
        }
        MixedModelFit.Builder b = fit.toBuilder().nDropped(fit.nDropped() + model.droppedBefore()).zeroInflationFormula(zi.text());
        if (!zi.droppedColumns().isEmpty()) { // the conditional model's message, said of the zero-inflation model
            b.warning("zero-inflation model matrix is rank deficient so dropping " + zi.droppedColumns().size() + " column"
                    + (zi.droppedColumns().size() == 1 ? "" : "s") + ": " + String.join(", ", zi.droppedColumns()));
        }
        return b.build();
    }

    @Override
    public MixedModelFit fitAt(PreparedModel model, SavedParameters saved) {
        if (model.zeroInflation() != null) { // the file keeps γ but not its covariance with β, which the fit reports
            throw new InputException("a saved zero-inflated model is not evaluated on data yet (the model file keeps no covariance of "
                    + "its zero-inflation coefficients); fit the model from its data and formula instead");
        }
        if (model.family().distribution() instanceof ParametricDistribution) {
            return Estimator.super.fitAt(model, saved); // the file keeps no family parameters yet
        }
        return new GeneralizedLinearMixedModel(model.design(), model.response(), model.family(), nAGQ)
                .fitAt(saved.theta(), saved.beta(), saved.betaCovariance());
    }
}
