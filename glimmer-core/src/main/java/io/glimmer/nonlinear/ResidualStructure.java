package io.glimmer.nonlinear;

import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.LinearMixedModel;

/**
 * The residuals' structure in Lindstrom–Bates' two steps: independent (nlme's default), or
 * correlated within groups (a corStruct, {@link CorrelatedResiduals}). The covariance parameters are
 * θ, followed by the correlation parameter when there is one.
 */
interface ResidualStructure {
    /** The LME step: the linearised model fitted for new covariance parameters. */
    Lme lme(NonlinearMixedModel.Linearised lin, boolean reml);

    /** An LME step's fit (by ML, or what nlme reports for REML) and its covariance parameters. */
    record Lme(MixedModelFit fit, double[] parameters, int evaluations) {
    }

    /** θ of the covariance parameters. */
    double[] theta(double[] parameters);

    /** The penalised least-squares solution of the linearised model at the covariance parameters (PNLS's Gauss–Newton step). */
    LinearMixedModel.PenalisedSolution solve(NonlinearMixedModel.Linearised lin, double[] parameters);

    /** ‖y − f‖² in the residuals' metric (whitened when correlated); +∞ where not a number. */
    double residualSumOfSquares(NonlinearMixedModel model, double[] f, double[] parameters);

    /**
     * What the fit reports at the converged covariance parameters: the LME step's fit, or for REML
     * the REML criterion, σ and covariance of β there (nlme's REML).
     */
    MixedModelFit reportAt(NonlinearMixedModel.Linearised lin, double[] parameters, boolean reml, MixedModelFit lmeFit);

    /** The residual correlation as given and its parameter, or nulls. */
    default String correlation() {
        return null;
    }

    default Double phi(double[] parameters) {
        return null;
    }

    /** Independent residuals: the linear mixed model as it is. */
    record Independent() implements ResidualStructure {
        @Override
        public Lme lme(NonlinearMixedModel.Linearised lin, boolean reml) {
            // nlme's REML keeps the ML θ (see LindstromBates): the ML step either way
            MixedModelFit fit = new LinearMixedModel(lin.design(), lin.workingResponse(), null, false).fit();
            return new Lme(fit, fit.theta(), fit.optimizer().evaluations());
        }

        @Override
        public double[] theta(double[] parameters) {
            return parameters;
        }

        @Override
        public LinearMixedModel.PenalisedSolution solve(NonlinearMixedModel.Linearised lin, double[] parameters) {
            return new LinearMixedModel(lin.design(), lin.workingResponse(), null, false).solve(parameters);
        }

        @Override
        public double residualSumOfSquares(NonlinearMixedModel model, double[] f, double[] parameters) {
            double s = model.residualSumOfSquares(f);
            return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
        }

        @Override
        public MixedModelFit reportAt(NonlinearMixedModel.Linearised lin, double[] theta, boolean reml, MixedModelFit lmeFit) {
            if (!reml) {
                return lmeFit;
            }
            return new LinearMixedModel(lin.design(), lin.workingResponse(), null, true).estimatesAt(theta)
                    .optimizer(lmeFit.optimizer()).converged(lmeFit.converged()).build();
        }
    }
}
