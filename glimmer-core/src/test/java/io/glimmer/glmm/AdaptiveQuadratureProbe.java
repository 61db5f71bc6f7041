package io.glimmer.glmm;

import io.glimmer.response.Response;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.formula.Formula;
import io.glimmer.lmm.CovarianceStructure;

/** Drives PIRLS and a one-node quadrature directly, to compare with the Laplace deviance. */
final class AdaptiveQuadratureProbe {
    private final GlmmData data;
    private final Family family;
    private final Design design;

    AdaptiveQuadratureProbe(DataFrame frame) {
        Formula f = Formula.parse("y ~ x + (1 + x | g)");
        design = Design.of(frame, f, null);
        family = Family.of("binomial", null);
        data = new GlmmData(design, Response.of(design.frame(), f.response(), family, null));
    }

    double oneNodeDeviance(double[] theta, double[] beta) {
        CovarianceStructure cs = new CovarianceStructure(design.randomTerms());
        double[][] lambda = cs.newLambdas();
        cs.lambdas(theta, lambda);
        Pirls pirls = new Pirls(data, family);
        Pirls.Mode mode = pirls.run(lambda, beta, new double[][]{new double[design.randomTerms().get(0).size()]}, false);
        AdaptiveQuadrature q = new AdaptiveQuadrature(data, family, 1);
        return q.deviance(lambda[0], beta, mode.b()[0], pirls.factor().firstBlock(), 1);
    }
}
