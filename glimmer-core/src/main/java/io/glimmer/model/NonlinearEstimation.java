package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.error.InputException;
import io.glimmer.correlation.CorrelatedLinearMixedModel;
import io.glimmer.correlation.CorrelatedRows;
import io.glimmer.correlation.CorrelationSpec;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.nonlinear.NonlinearFit;
import io.glimmer.nonlinear.NonlinearSpecification;
import io.glimmer.response.Response;

import java.util.List;

/**
 * A nonlinear mixed model by nlme's Lindstrom–Bates algorithm (ML or REML), lme4's nlmer Laplace
 * approximation, or adaptive quadrature (AGQ, nAGQ points, one scalar random effect). The prepared model's
 * formula and design are those of {@link NonlinearSpecification#frameFormula()}: the rows used and
 * the grouping factor. With a residual correlation (Lindstrom–Bates only), its rows are checked and
 * grouped as for a linear mixed model's.
 */
record NonlinearEstimation(NonlinearSpecification spec, Method method, int nAGQ, CorrelationSpec correlation) implements Estimator {
    NonlinearEstimation(NonlinearSpecification spec, Method method) {
        this(spec, method, 1, null);
    }

    @Override
    public void check(Formula formula, FitOptions options, Family family, DataFrame data) {
        if (!family.isGaussianIdentity()) {
            throw new InputException("nonlinear mixed models have gaussian errors: {--family} and {--link} do not apply (given "
                    + family.name() + ", " + family.link().name() + ")");
        }
        if (options.weights() != null) {
            throw new InputException("{--weights} is not supported for nonlinear mixed models yet");
        }
        if (correlation != null) {
            CorrelatedLinearMixedModel.check(data, formula, options);
        }
    }

    @Override
    public List<String> rowColumns(FitOptions options) {
        return correlation == null ? List.of() : CorrelatedLinearMixedModel.columns(correlation);
    }

    @Override
    public Response response(Design design, Formula formula, Family family, FitOptions options) {
        return Response.linear(design.frame(), formula.response(), null);
    }

    @Override
    public MixedModelFit fit(PreparedModel model) {
        if (method == Method.AGQ) {
            return NonlinearFit.agq(spec, model.design(), model.response().y(), nAGQ);
        }
        if (method == Method.LAPLACE) {
            return NonlinearFit.laplace(spec, model.design(), model.response().y());
        }
        if (correlation != null) {
            CorrelatedRows rows = CorrelatedRows.of(correlation, model.estimationData(), model.estimationDataRows(), model.droppedBefore(),
                    model.design());
            return NonlinearFit.lindstromBates(spec, model.design(), model.response().y(), method == Method.REML, rows);
        }
        return NonlinearFit.lindstromBates(spec, model.design(), model.response().y(), method == Method.REML);
    }
}
