package io.glimmer.nonlinear;

import io.glimmer.design.Design;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.CovarianceStructure;

import java.util.SplittableRandom;

/**
 * New responses from a fitted nonlinear mixed model over the rows it used, as lme4's
 * {@code simulate(use.u = FALSE)} and nlme's parametric bootstrap: fresh random effects b = σ̂Λ(θ̂)v with
 * v ~ N(0, I) for every level, then y = f(β̂, b) + σ̂ε with ε ~ N(0, 1) (θ relative to σ, as both
 * estimators report it).
 */
public final class NonlinearSimulation {
    private final NonlinearMixedModel model;
    private final double[] beta;
    private final double[][] lambdas;
    private final int[] q;
    private final double sigma;

    /**
     * @param frame the design of the specification's frame formula over the rows used
     * @param y     the response the fit was made to
     */
    public NonlinearSimulation(NonlinearSpecification spec, Design frame, double[] y, MixedModelFit fit) {
        this.model = NonlinearFit.model(spec, frame, y);
        this.beta = fit.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        if (beta.length != model.fixedCount()) {
            throw new IllegalArgumentException(beta.length + " fixed effects for a model of " + model.fixedCount());
        }
        var terms = model.linearise(beta, model.zeroEffects()).design().randomTerms();
        CovarianceStructure cs = new CovarianceStructure(terms);
        this.lambdas = cs.newLambdas();
        cs.lambdas(fit.theta(), lambdas);
        this.q = terms.stream().mapToInt(t -> t.q()).toArray();
        this.sigma = fit.residualStdDev();
    }

    /** One response: new random effects for every level and new residual noise. */
    public double[] draw(SplittableRandom rng) {
        double[][] v = model.zeroEffects();
        for (double[] vk : v) {
            for (int i = 0; i < vk.length; i++) {
                vk[i] = sigma * rng.nextGaussian();
            }
        }
        double[] f = model.mean(beta, Spherical.modes(v, lambdas, q));
        double[] y = new double[f.length];
        for (int r = 0; r < y.length; r++) {
            y[r] = f[r] + sigma * rng.nextGaussian();
        }
        return y;
    }
}
