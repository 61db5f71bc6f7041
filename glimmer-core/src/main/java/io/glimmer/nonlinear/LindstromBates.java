package io.glimmer.nonlinear;

import io.glimmer.error.GlimmerException;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.pql.LmeDegreesOfFreedom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * nlme's alternating algorithm (Lindstrom &amp; Bates 1990). With the relative covariance factor
 * Λ(θ) fixed, the penalised nonlinear least-squares (PNLS) step finds β and the modes b = Λu
 * minimising ‖y − f(β, b)‖² + ‖u‖², by Gauss–Newton with step halving, each Gauss–Newton step
 * being the penalised least-squares solution of the model linearised there
 * ({@link LinearMixedModel#solve}). The linear mixed-effects (LME) step then fits the linearised
 * model by ML ({@link LinearMixedModel#fit}) for a new θ. The two alternate until θ and β settle;
 * at that point the LME step's estimates are the PNLS ones, and its likelihood, σ and covariance of
 * β are what nlme reports (ML standard errors with lme's adjustSigma, t tests with lme's degrees of
 * freedom on the linearised design).
 *
 * <p>REML as nlme: nlme's PNLS step re-estimates the relative covariance by ML at every
 * Gauss–Newton step (nlme.c's nlme_increment, RML = 0), and that is the θ it ends with whatever the
 * method. With method REML it then reports σ² = r²/(N − p), the REML criterion and the covariance
 * of β at that θ. Glimmer does the same, so REML fits share the ML fit's θ and β.
 */
final class LindstromBates {
    static final int MAX_ITERATIONS = 50;
    static final int MAX_PNLS_ITERATIONS = 100;
    /**
     * θ settled: every component moved less than this relative to its size (at least 1). Not tighter:
     * on large data the LME step's θ is only determined to about 1e-5 relative (the ML criterion is
     * that flat against its rounding), and a tighter test only iterated on that noise (35 steps
     * instead of 2 on 10,000 subjects, docs/BENCHMARKS.md).
     */
    static final double THETA_TOLERANCE = 1e-4;
    /** β settled: every component moved less than this relative to its size (nlme's tolerance is 1e-5). */
    static final double BETA_TOLERANCE = 1e-6;
    private static final int MAX_HALVINGS = 30;

    private final NonlinearMixedModel model;
    private final boolean reml;
    private final ResidualStructure residuals;

    LindstromBates(NonlinearMixedModel model, boolean reml) {
        this(model, reml, new ResidualStructure.Independent());
    }

    LindstromBates(NonlinearMixedModel model, boolean reml, ResidualStructure residuals) {
        this.model = model;
        this.reml = reml;
        this.residuals = residuals;
    }

    MixedModelFit fit(double[] start) {
        long t0 = System.nanoTime();
        double[] beta = start.clone();
        double[][] b = model.zeroEffects();
        checkFinite(model.mean(beta, b));
        NonlinearMixedModel.Linearised lin = model.linearise(beta, b);
        ResidualStructure.Lme lme = residuals.lme(lin, reml);
        double[] parameters = lme.parameters();
        double[] startTheta = parameters.clone();
        int evaluations = lme.evaluations();
        boolean converged = false;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            double[] previousBeta = beta;
            Modes modes = pnls(parameters, beta, b);
            beta = modes.beta();
            b = modes.b();
            lin = model.linearise(beta, b);
            lme = residuals.lme(lin, reml);
            evaluations += lme.evaluations();
            double[] next = lme.parameters();
            converged = settled(parameters, next, THETA_TOLERANCE, 1) && settled(previousBeta, beta, BETA_TOLERANCE, 1e-8);
            parameters = next;
        }
        LinearMixedModel.PenalisedSolution at = residuals.solve(lin, parameters);
        MixedModelFit lmeFit = residuals.reportAt(lin, parameters, reml, lme.fit());
        return report(lmeFit, at, lin, parameters, converged, iteration, startTheta, evaluations, t0);
    }

    /** Every component moved less than tolerance × max(|its value|, floor). */
    private static boolean settled(double[] before, double[] after, double tolerance, double floor) {
        for (int i = 0; i < before.length; i++) {
            double scale = Math.max(Math.abs(after[i]), floor);
            if (!(Math.abs(after[i] - before[i]) <= tolerance * scale)) {
                return false;
            }
        }
        return true;
    }

    /** β and the modes b with their spherical coordinates u (b = Λu). */
    private record Modes(double[] beta, double[][] b, double[][] u) {
    }

    /** PNLS at θ from (β, b): Gauss–Newton on ‖y − f‖² + ‖u‖² with step halving, in (β, u) coordinates. */
    private Modes pnls(double[] parameters, double[] beta0, double[][] b0) {
        double[] theta = residuals.theta(parameters);
        NonlinearMixedModel.Linearised lin = model.linearise(beta0, b0);
        CovarianceStructure cs = new CovarianceStructure(lin.design().randomTerms());
        double[][] lambdas = cs.newLambdas();
        cs.lambdas(theta, lambdas);
        int[] q = lin.design().randomTerms().stream().mapToInt(t -> t.q()).toArray();
        double[][] u = Spherical.of(b0, lambdas, q);
        double[] beta = beta0.clone();
        double[][] b = Spherical.modes(u, lambdas, q);
        double objective = penalised(model.mean(beta, b), u, parameters);
        for (int it = 0; it < MAX_PNLS_ITERATIONS; it++) {
            if (it > 0) {
                lin = model.linearise(beta, b);
            }
            LinearMixedModel.PenalisedSolution step = residuals.solve(lin, parameters);
            double t = 1;
            double[] candidateBeta = null;
            double[][] candidateU = null;
            double candidate = Double.POSITIVE_INFINITY;
            for (int h = 0; h <= MAX_HALVINGS; h++, t /= 2) {
                candidateBeta = along(beta, step.beta(), t);
                candidateU = new double[u.length][];
                for (int k = 0; k < u.length; k++) {
                    candidateU[k] = along(u[k], step.spherical()[k], t);
                }
                candidate = penalised(model.mean(candidateBeta, Spherical.modes(candidateU, lambdas, q)), candidateU, parameters);
                if (candidate <= objective) {
                    break;
                }
            }
            if (!(candidate <= objective)) {
                break; // no step decreases the objective: at its minimum to working precision
            }
            double decrease = objective - candidate;
            beta = candidateBeta;
            u = candidateU;
            b = Spherical.modes(u, lambdas, q);
            objective = candidate;
            if (decrease <= 1e-12 * objective) {
                break;
            }
        }
        return new Modes(beta, b, u);
    }

    private static double[] along(double[] from, double[] to, double t) {
        double[] out = new double[from.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = from[i] + t * (to[i] - from[i]);
        }
        return out;
    }

    private double penalised(double[] f, double[][] u, double[] parameters) {
        double s = residuals.residualSumOfSquares(model, f, parameters);
        for (double[] v : u) {
            for (double x : v) {
                s += x * x;
            }
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }

    private static void checkFinite(double[] f) {
        for (int r = 0; r < f.length; r++) {
            if (!Double.isFinite(f[r])) {
                throw new io.glimmer.error.InputException("the model cannot be evaluated at the start values: it gives " + f[r] + " on row "
                        + (r + 1) + " of the rows used; choose other {--start} values");
            }
        }
    }

    private MixedModelFit report(MixedModelFit lmeFit, LinearMixedModel.PenalisedSolution at,
                                 NonlinearMixedModel.Linearised lin, double[] parameters, boolean converged, int iterations, double[] startTheta,
                                 int evaluations, long t0) {
        int n = model.rows();
        int p = model.fixedCount();
        double[] beta = at.beta();
        double[][] b = at.modes();
        double[] fitted = model.mean(beta, b);
        if (!Arrays.stream(fitted).allMatch(Double::isFinite)) {
            throw new GlimmerException("the nonlinear model's fitted values are not finite at the estimates; try other {--start} values");
        }
        double[][] vcov = lmeFit.fixedEffectsCovariance();
        // lme's adjustSigma (nlme's summary): ML standard errors use σ²·N/(N − p)
        double inflation = !reml && n > p ? (double) n / (n - p) : 1;
        for (double[] row : vcov) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= inflation;
            }
        }
        int[] df = LmeDegreesOfFreedom.of(lin.design());
        List<FixedEffect> fixed = FixedEffectsTable.of(model.fixedNames(), beta, vcov,
                (j, t) -> df == null ? null : FixedEffectsTable.twoSidedT(t, df[j]));
        double sigma = lmeFit.residualStdDev();
        double[] scaled = new double[n];
        for (int r = 0; r < n; r++) {
            scaled[r] = (model.y()[r] - fitted[r]) / sigma;
        }
        List<String> warnings = new ArrayList<>(lmeFit.warnings());
        if (!converged) {
            warnings.add("the Lindstrom-Bates iterations did not converge in " + MAX_ITERATIONS + " steps (theta and the fixed effects still moving)");
        }
        OptimizerSummary last = lmeFit.optimizer();
        return lmeFit.toBuilder()
                .formula(model.formula().text())
                .details(new EstimatorDetails.Nonlinear(reml, iterations, model.diagonal(), false, residuals.correlation(),
                        residuals.phi(parameters)))
                .converged(converged && lmeFit.converged())
                .warnings(warnings)
                .fixedEffects(fixed)
                .fixedEffectsCovariance(vcov)
                .fitted(fitted)
                .scaledResiduals(scaled)
                .optimizer(new OptimizerSummary("Lindstrom-Bates, " + iterations + " PNLS/LME steps (" + last.name() + ")", startTheta,
                        last.optimum(), last.objective(), evaluations, converged && last.converged(), last.messages()))
                .fitSeconds((System.nanoTime() - t0) / 1e9)
                .build();
    }
}
