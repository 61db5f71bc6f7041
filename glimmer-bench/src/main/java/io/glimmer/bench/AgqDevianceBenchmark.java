package io.glimmer.bench;

import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.family.Family;
import io.glimmer.formula.Formula;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.response.Response;


import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of shape d's AGQ deviance (binomial–logit (1 | g), 200,000 rows, 5,000 levels) near
 * its optimum, as stage two and the Hessian call it: the modes warm-started from the previous call,
 * (θ, β) alternating between two points 1e-3 apart. For nAGQ > 1 this is {@code InterceptQuadrature}
 * (per-level Newton and node sums, no PIRLS). Threads: {@code -Dglimmer.threads} (default 2).
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AgqDevianceBenchmark extends MillisecondBenchmark {
    /** θ and β at shape d's optimum (rounded). */
    private static final double[] THETA = {0.9773};
    private static final double[] BETA = {-0.4735, 0.7962, -0.4003, 0.3001};

    @Param({"9", "25"})
    public int nAGQ;

    private GeneralizedLinearMixedModel model;
    private double[][] thetas;
    private double[][] betas;
    private int call;

    @Setup(Level.Trial)
    public void setup() {
        Shapes.Spec spec = Shapes.spec("d");
        DataFrame frame = spec.generate().toDataFrame();
        Formula f = Formula.parse(spec.formula());
        Design design = Design.of(frame, f, null);
        Family family = Family.of("binomial", null);
        model = new GeneralizedLinearMixedModel(design, Response.of(design.frame(), f.response(), family, null), family, nAGQ);
        thetas = new double[][]{THETA, {THETA[0] + 1e-3}};
        betas = new double[][]{BETA, {BETA[0] - 1e-3, BETA[1] + 1e-3, BETA[2], BETA[3] - 1e-3}};
        model.deviance(THETA, BETA);
    }

    @Benchmark
    public double deviance() {
        int k = call++ & 1;
        return model.deviance(thetas[k], betas[k]);
    }
}
