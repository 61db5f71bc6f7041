package io.glimmer.conditional;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximises the conditional likelihood from β = 0 by Newton–Raphson with step halving, with the
 * rules of survival's coxph.fit (which clogit calls): converged when the log-likelihood's relative
 * change is at most 1e-9; at most 20 iterations; and a coefficient "may be infinite" when, at
 * convergence, one more Newton step would still move it noticeably (monotone likelihood).
 */
final class NewtonRaphson {
    static final double EPS = 1e-9;
    static final double TOLERANCE_INFINITE = Math.sqrt(EPS);
    static final int MAX_ITERATIONS = 20;
    private static final int MAX_HALVINGS = 30;

    private NewtonRaphson() {
    }

    /**
     * @param beta        the estimate
     * @param at          likelihood, score and information at the estimate
     * @param iterations  Newton steps taken
     * @param evaluations likelihood evaluations (steps and halvings)
     * @param warnings    non-convergence or possibly infinite coefficients
     */
    record Result(double[] beta, ConditionalLikelihood.Evaluation at, int iterations, int evaluations, boolean converged,
                  List<String> warnings) {
    }

    static Result maximize(ConditionalLikelihood likelihood, List<String> names) {
        int p = likelihood.p();
        double[] beta = new double[p];
        ConditionalLikelihood.Evaluation current = likelihood.at(beta);
        int evaluations = 1;
        boolean converged = false;
        int iter = 0;
        while (iter < MAX_ITERATIONS && !converged) {
            iter++;
            double[] step = newtonStep(current);
            if (step == null) {
                break; // information not positive definite: report what we have
            }
            double[] next = add(beta, step, 1);
            ConditionalLikelihood.Evaluation trial = likelihood.at(next);
            evaluations++;
            double scale = 1;
            // a step that lowers the likelihood overshot: halve it, as coxph does (a change within
            // the convergence tolerance is rounding at the maximum, not an overshoot)
            for (int h = 0; h < MAX_HALVINGS && !sameOrBetter(trial, current); h++) {
                scale /= 2;
                next = add(beta, step, scale);
                trial = likelihood.at(next);
                evaluations++;
            }
            if (!sameOrBetter(trial, current)) {
                break;
            }
            converged = relativeChange(current, trial) <= EPS;
            beta = next;
            current = trial;
        }
        List<String> warnings = new ArrayList<>();
        if (!converged) {
            warnings.add("conditional likelihood: ran out of iterations and did not converge");
        } else {
            double[] step = newtonStep(current);
            List<String> infinite = new ArrayList<>();
            for (int t = 0; step != null && t < p; t++) {
                double s = Math.abs(step[t]);
                if (s > EPS && s > TOLERANCE_INFINITE * Math.abs(beta[t])) {
                    infinite.add(names.get(t));
                }
            }
            if (!infinite.isEmpty()) {
                warnings.add("loglik converged before variable " + String.join(", ", infinite) + "; coefficient may be infinite");
            }
        }
        return new Result(beta, current, iter, evaluations, converged, warnings);
    }

    private static double relativeChange(ConditionalLikelihood.Evaluation before, ConditionalLikelihood.Evaluation after) {
        return Math.abs(1 - before.logLikelihood() / after.logLikelihood());
    }

    private static boolean sameOrBetter(ConditionalLikelihood.Evaluation trial, ConditionalLikelihood.Evaluation current) {
        return trial.logLikelihood() >= current.logLikelihood() || relativeChange(current, trial) <= EPS;
    }

    /** I⁻¹ g, or null when the information is not positive definite. */
    private static double[] newtonStep(ConditionalLikelihood.Evaluation e) {
        int p = e.gradient().length;
        DMatrixRMaj info = new DMatrixRMaj(p, p, true, e.information().clone());
        DMatrixRMaj g = new DMatrixRMaj(p, 1, true, e.gradient().clone());
        DMatrixRMaj step = new DMatrixRMaj(p, 1);
        if (!CommonOps_DDRM.solveSPD(info, g, step)) {
            return null;
        }
        return step.getData().clone();
    }

    private static double[] add(double[] beta, double[] step, double scale) {
        double[] out = beta.clone();
        for (int t = 0; t < out.length; t++) {
            out[t] += scale * step[t];
        }
        return out;
    }
}
