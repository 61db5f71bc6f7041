package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.nonlinear.NonlinearFit;
import io.glimmer.nonlinear.NonlinearSpecification;
import io.glimmer.response.Response;

/**
 * A nonlinear mixed model by nlme's Lindstrom–Bates algorithm (ML or REML), lme4's nlmer Laplace
 * approximation, or adaptive quadrature (AGQ, nAGQ points, one scalar random effect). The prepared model's
 * formula and design are those of {@link NonlinearSpecification#frameFormula()}: the rows used and
 * the grouping factor.
 */
record NonlinearEstimation(NonlinearSpecification spec, Method method, int nAGQ) implements Estimator {
    NonlinearEstimation(NonlinearSpecification spec, Method method) {
        this(spec, method, 1);
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
        return NonlinearFit.lindstromBates(spec, model.design(), model.response().y(), method == Method.REML);
    }
}
