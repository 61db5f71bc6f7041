package io.glimmer.nonlinear;

import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.glmm.QuadratureRule;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.lmm.RandomEffectsReport;
import io.glimmer.optim.BoundedMinimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maximum likelihood by the Laplace approximation, as lme4's nlmer: for given (θ, β) the conditional
 * modes come from penalised nonlinear least squares ({@link GroupModes}), and −2 log L ≈
 * log det(Λ'Z'ZΛ + I) + n(1 + log(2π·pwrss/n)) with σ² = pwrss/n profiled out; BOBYQA minimises it over
 * θ and β together. It starts at the Lindstrom–Bates ML fit (the two optima are close), with β
 * measured in that fit's standard errors so that every coordinate has a similar scale. Standard
 * errors are lme4's from RX: σ²(X'X − X'ZΛ(Λ'Z'ZΛ + I)⁻¹Λ'Z'X)⁻¹ of the model linearised at the optimum.
 *
 * <p>With more than one quadrature point (one scalar random effect only) the deviance is
 * {@link NonlinearQuadrature}'s, which has no closed-form σ: log σ joins θ and β in BOBYQA, starting
 * at the Lindstrom–Bates σ. One point is the Laplace fit itself.
 */
final class NonlinearLaplace {
    private final NonlinearMixedModel model;
    private final int nAGQ;

    NonlinearLaplace(NonlinearMixedModel model) {
        this(model, 1);
    }

    /** @param nAGQ quadrature points, 1 (Laplace) or more for one scalar random effect */
    NonlinearLaplace(NonlinearMixedModel model, int nAGQ) {
        this.model = model;
        this.nAGQ = nAGQ;
    }

    MixedModelFit fit(double[] start) {
        long t0 = System.nanoTime();
        MixedModelFit lb = new LindstromBates(model, false).fit(start);
        double[] theta0 = lb.theta();
        int nt = theta0.length;
        int p = model.fixedCount();
        double[] beta0 = lb.fixedEffects().stream().mapToDouble(f -> f.estimate()).toArray();
        double[] scale = lb.fixedEffects().stream().mapToDouble(f -> Double.isFinite(f.stdError()) && f.stdError() > 0 ? f.stdError() : 1).toArray();
        NonlinearMixedModel.Linearised lin0 = model.linearise(beta0, model.zeroEffects());
        CovarianceStructure cs = new CovarianceStructure(lin0.design().randomTerms());
        GroupModes modes = new GroupModes(model);
        int n = model.rows();
        boolean quadrature = nAGQ > 1;
        QuadratureRule rule = quadrature ? QuadratureRule.normal(nAGQ, 1) : null;
        int extra = quadrature ? 1 : 0; // log σ
        double[] lower = new double[nt + p + extra];
        double[] upper = new double[nt + p + extra];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        System.arraycopy(cs.lower(), 0, lower, 0, nt);
        System.arraycopy(cs.upper(), 0, upper, 0, nt);
        double[] x0 = new double[nt + p + extra];
        System.arraycopy(theta0, 0, x0, 0, nt);
        if (quadrature) {
            x0[nt + p] = Math.log(lb.residualStdDev());
        }
        BoundedMinimizer.Result opt = BoundedMinimizer.minimize(x -> {
            double[] beta = beta(x, beta0, scale, nt);
            double[] lambda = lambda(cs, Arrays.copyOf(x, nt));
            GroupModes.Result r = modes.at(beta, lambda);
            if (!quadrature || r.u() == null) {
                return r.deviance(n);
            }
            return NonlinearQuadrature.deviance(modes, r, beta, lambda, Math.exp(x[nt + p]), rule, n);
        }, x0, lower, upper, 0.2, 1e-7);
        double[] theta = Arrays.copyOf(opt.x(), nt);
        double[] beta = beta(opt.x(), beta0, scale, nt);
        double[] lambdaAt = lambda(cs, theta);
        GroupModes.Result at = modes.at(beta, lambdaAt);
        double deviance = quadrature ? NonlinearQuadrature.deviance(modes, at, beta, lambdaAt, Math.exp(opt.x()[nt + p]), rule, n)
                : at.deviance(n);
        double sigma2 = quadrature ? Math.exp(2 * opt.x()[nt + p]) : at.pwrss() / n;

        NonlinearMixedModel.Linearised lin = model.linearise(beta, at.b());
        MixedModelFit.Builder linear = new LinearMixedModel(lin.design(), lin.workingResponse(), null, false).estimatesAt(theta);
        MixedModelFit linFit = linear.build();
        // RX is the linearised model's; σ² is the nonlinear model's pwrss/n, not the linearised one's
        double ratio = sigma2 / (linFit.residualStdDev() * linFit.residualStdDev());
        double[][] vcov = linFit.fixedEffectsCovariance();
        for (double[] row : vcov) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= ratio;
            }
        }
        double sigma = Math.sqrt(sigma2);
        double[] fitted = model.mean(beta, at.b());
        double[] scaled = new double[n];
        for (int r = 0; r < n; r++) {
            scaled[r] = (model.y()[r] - fitted[r]) / sigma;
        }
        List<String> warnings = new ArrayList<>();
        if (!opt.converged()) {
            warnings.addAll(opt.messages());
        }
        if (!at.converged()) {
            warnings.add("the conditional modes did not converge at the estimates");
        }
        if (cs.singular(theta)) {
            warnings.add("boundary (singular) fit: a variance component is (nearly) zero or a correlation is ±1");
        }
        boolean converged = opt.converged() && at.converged();
        return linear
                .formula(model.formula().text())
                .method(quadrature ? "AGQ" : "Laplace").nAGQ(nAGQ)
                .nDropped(model.frame().frame().dropped())
                .details(new EstimatorDetails.Nonlinear(false, lb.optimizer().evaluations(), model.diagonal(), true))
                .converged(converged)
                .singular(cs.singular(theta))
                .warnings(warnings)
                .logLikelihood(-deviance / 2)
                .residualStdDev(sigma)
                .fixedEffects(FixedEffectsTable.withoutPValues(model.fixedNames(), beta, vcov))
                .fixedEffectsCovariance(vcov)
                .randomEffects(RandomEffectsReport.variances(lin.design().randomTerms(), cs, theta, sigma2))
                .conditionalModes(modesAt(lin.design().randomTerms(), at.b(), linFit.conditionalModes()))
                .fitted(fitted)
                .scaledResiduals(scaled)
                .optimizer(new OptimizerSummary((quadrature ? "AGQ, " + nAGQ + " points" : "Laplace") + " (" + opt.name() + ", from the Lindstrom-Bates fit)", x0, opt.x(), opt.value(),
                        opt.evaluations(), opt.converged(), opt.messages()))
                .fitSeconds((System.nanoTime() - t0) / 1e9)
                .build();
    }

    /**
     * The modes the fitted values are made of (b minimising ‖y − f(β̂, b)‖² + ‖u‖² at θ̂, β̂), not the
     * linearised model's, which re-estimates β with them and differs by about 1e-3 relative; with the
     * linearised model's conditional covariances.
     */
    private static List<ConditionalModes> modesAt(List<RandomEffectsTerm> terms, double[][] b, List<ConditionalModes> linearised) {
        List<ConditionalModes> values = RandomEffectsReport.conditionalModes(terms, b, null);
        List<ConditionalModes> out = new ArrayList<>();
        for (int g = 0; g < values.size(); g++) {
            ConditionalModes v = values.get(g);
            ConditionalModes c = linearised.get(g);
            int q = v.terms().size();
            double[][] modes = new double[v.levels().size()][];
            double[][] cov = c.hasConditionalVariances() ? new double[modes.length][q * q] : null;
            for (int l = 0; l < modes.length; l++) {
                modes[l] = v.level(l);
                for (int i = 0; cov != null && i < q; i++) {
                    for (int j = 0; j < q; j++) {
                        cov[l][i * q + j] = c.conditionalCovariance(l, i, j);
                    }
                }
            }
            out.add(new ConditionalModes(v.group(), v.terms(), v.levels(), modes, cov));
        }
        return out;
    }

    /** −2 log L by the Laplace approximation at (θ, β), σ profiled out (lme4's nlmer devfun). */
    static double deviance(NonlinearMixedModel model, double[] theta, double[] beta) {
        NonlinearMixedModel.Linearised lin = model.linearise(beta, model.zeroEffects());
        CovarianceStructure cs = new CovarianceStructure(lin.design().randomTerms());
        return new GroupModes(model).at(beta, lambda(cs, theta)).deviance(model.rows());
    }

    private static double[] beta(double[] x, double[] beta0, double[] scale, int nt) {
        double[] beta = new double[beta0.length];
        for (int j = 0; j < beta.length; j++) {
            beta[j] = beta0[j] + scale[j] * x[nt + j];
        }
        return beta;
    }

    /** The q × q factor over all random coordinates: the terms' λ on the diagonal blocks. */
    static double[] lambda(CovarianceStructure cs, double[] theta) {
        double[][] parts = cs.newLambdas();
        cs.lambdas(theta, parts);
        int q = 0;
        for (double[] l : parts) {
            q += (int) Math.round(Math.sqrt(l.length));
        }
        double[] out = new double[q * q];
        int at = 0;
        for (double[] l : parts) {
            int qk = (int) Math.round(Math.sqrt(l.length));
            for (int a = 0; a < qk; a++) {
                for (int c = 0; c < qk; c++) {
                    out[(at + a) * q + at + c] = l[a * qk + c];
                }
            }
            at += qk;
        }
        return out;
    }
}
