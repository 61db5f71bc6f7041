package io.glimmer.ddf;

import io.glimmer.options.DenominatorDf;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.LinearMixedModel;

import java.util.ArrayList;
import java.util.List;

/** The chosen method's tests for a fitted linear mixed model, and the fit with t tests that use them. */
public final class DenominatorDegrees {
    private DenominatorDegrees() {
    }

    /**
     * The tests at the fit's θ̂ and σ̂.
     *
     * @param model the linear mixed model on the original scale of the predictors (the fit's design, response and criterion)
     */
    public static ContrastTests of(DenominatorDf method, LinearMixedModel model, MixedModelFit fit) {
        return switch (method) {
            case SATTERTHWAITE -> Satterthwaite.of(model, fit.theta(), fit.residualStdDev());
            case KENWARD_ROGER -> KenwardRoger.of(model, fit.theta(), fit.residualStdDev());
        };
    }

    /**
     * The fit with each fixed effect's df and t-test p-value (lmerTest's summary); Kenward–Roger's
     * standard errors and covariance are the adjusted ones.
     */
    public static MixedModelFit withTTests(MixedModelFit fit, ContrastTests tests, DenominatorDf method) {
        List<FixedEffect> before = fit.fixedEffects();
        int p = before.size();
        double[] beta = new double[p];
        double[] df = new double[p];
        List<String> names = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            beta[j] = before.get(j).estimate();
            names.add(before.get(j).term());
            double[] l = new double[p];
            l[j] = 1;
            df[j] = tests.df(l);
        }
        double[][] covariance = tests.covariance();
        List<String> warnings = new ArrayList<>(fit.warnings());
        if (tests instanceof Satterthwaite s) {
            warnings.addAll(s.warnings());
        }
        boolean reml = fit.details().reml();
        return fit.toBuilder()
                .fixedEffects(FixedEffectsTable.withTTests(names, beta, covariance, df))
                .fixedEffectsCovariance(covariance)
                .details(new EstimatorDetails.Lmm(reml, method))
                .warnings(warnings)
                .build();
    }
}
