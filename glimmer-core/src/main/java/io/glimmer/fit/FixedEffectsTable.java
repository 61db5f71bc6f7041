package io.glimmer.fit;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;

/**
 * The fixed-effects table every estimator reports: estimate, standard error √cov(β)_jj, Wald
 * statistic estimate / standard error, and a p-value by the estimator's own reference distribution.
 */
public final class FixedEffectsTable {
    private FixedEffectsTable() {
    }

    /** The p-value of coefficient j at its Wald statistic, or null where none is reported. */
    @FunctionalInterface
    public interface PValue {
        Double of(int j, double statistic);
    }

    /** Wald z tests: the two-sided normal p-value 2Φ(−|z|) (GLMM, GEE, conditional logit). */
    public static List<FixedEffect> withZTests(List<String> names, double[] beta, double[][] covariance) {
        return of(names, beta, covariance, (j, z) -> Erf.erfc(Math.abs(z) / Math.sqrt(2)));
    }

    /** t statistics without p-values, as lme4 reports a linear mixed model. */
    public static List<FixedEffect> withoutPValues(List<String> names, double[] beta, double[][] covariance) {
        return of(names, beta, covariance, (j, t) -> null);
    }

    /**
     * t tests with the given denominator degrees of freedom (Satterthwaite, Kenward–Roger), reported
     * with each coefficient; the covariance is the one the standard errors come from.
     */
    public static List<FixedEffect> withTTests(List<String> names, double[] beta, double[][] covariance, double[] df) {
        List<FixedEffect> table = new ArrayList<>(beta.length);
        for (FixedEffect f : of(names, beta, covariance, (j, t) -> twoSidedT(t, df[j]))) {
            table.add(new FixedEffect(f.term(), f.estimate(), f.stdError(), f.statistic(), f.pValue(), df[table.size()]));
        }
        return List.copyOf(table);
    }

    /** P(|T| ≥ |t|) for Student's t with df degrees of freedom; null without degrees of freedom. */
    public static Double twoSidedT(double t, double df) {
        if (!(df > 0) || !Double.isFinite(t)) {
            return null;
        }
        return Beta.regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
    }

    public static List<FixedEffect> of(List<String> names, double[] beta, double[][] covariance, PValue pValue) {
        List<FixedEffect> table = new ArrayList<>(beta.length);
        for (int j = 0; j < beta.length; j++) {
            double se = Math.sqrt(covariance[j][j]);
            double statistic = beta[j] / se;
            table.add(new FixedEffect(names.get(j), beta[j], se, statistic, pValue.of(j, statistic)));
        }
        return List.copyOf(table);
    }
}
