package io.glimmer.nonlinear;

import io.glimmer.correlation.CorrelatedLinearMixedModel;
import io.glimmer.correlation.CorrelatedRows;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.LinearMixedModel;

import java.util.Arrays;

/**
 * Residuals correlated within groups, as nlme's nlme with corAR1, corExp or corCompSymm: the LME
 * step fits the linearised model with the correlation ({@link CorrelatedLinearMixedModel}, jointly
 * over θ and φ), and PNLS minimises ‖L⁻¹(y − f)‖² + ‖u‖² with R(φ) = LL', its Gauss–Newton steps
 * being the whitened linearisation's penalised least squares.
 * <p>
 * REML as nlme: φ comes from the REML LME step, but θ is the ML one at that φ (nlme's PNLS step
 * re-estimates the relative covariance by ML, as without correlation); the report is the REML
 * criterion at both.
 */
record CorrelatedResiduals(CorrelatedRows rows) implements ResidualStructure {
    private CorrelatedLinearMixedModel model(NonlinearMixedModel.Linearised lin, boolean reml) {
        return rows.model(lin.design(), lin.workingResponse(), reml);
    }

    @Override
    public Lme lme(NonlinearMixedModel.Linearised lin, boolean reml) {
        MixedModelFit fit = model(lin, reml).fit();
        double phi = ((EstimatorDetails.CorrelatedResiduals) fit.details()).phi();
        double[] theta = fit.theta();
        int evaluations = fit.optimizer().evaluations();
        if (reml) {
            MixedModelFit ml = model(lin, false).whitened(phi).fit();
            theta = ml.theta();
            evaluations += ml.optimizer().evaluations();
        }
        double[] parameters = Arrays.copyOf(theta, theta.length + 1);
        parameters[theta.length] = phi;
        return new Lme(fit, parameters, evaluations);
    }

    @Override
    public double[] theta(double[] parameters) {
        return Arrays.copyOf(parameters, parameters.length - 1);
    }

    @Override
    public Double phi(double[] parameters) {
        return parameters[parameters.length - 1];
    }

    @Override
    public String correlation() {
        return rows.spec().text();
    }

    @Override
    public LinearMixedModel.PenalisedSolution solve(NonlinearMixedModel.Linearised lin, double[] parameters) {
        return model(lin, false).whitened(phi(parameters)).solve(theta(parameters));
    }

    @Override
    public double residualSumOfSquares(NonlinearMixedModel model, double[] f, double[] parameters) {
        double[] e = new double[f.length];
        for (int r = 0; r < e.length; r++) {
            e[r] = model.y()[r] - f[r];
        }
        double[] w = rows.whiten(e, phi(parameters));
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
    }

    @Override
    public MixedModelFit reportAt(NonlinearMixedModel.Linearised lin, double[] parameters, boolean reml, MixedModelFit lmeFit) {
        return model(lin, reml).estimatesAt(theta(parameters), phi(parameters)).toBuilder()
                .optimizer(lmeFit.optimizer()).converged(lmeFit.converged()).build();
    }
}
