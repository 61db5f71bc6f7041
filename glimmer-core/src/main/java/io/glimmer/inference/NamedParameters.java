package io.glimmer.inference;

import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.RandomEffectCorrelation;
import io.glimmer.fit.VarianceComponent;

import java.util.ArrayList;
import java.util.List;

/**
 * A fit's parameters named and ordered as lme4's {@code confint(fit, oldNames = FALSE)}: per
 * random-effects term, column by column of its covariance factor, the standard deviation
 * {@code sd_TERM|GROUP} followed by the correlations {@code cor_LATER.TERM|GROUP} with the effects
 * after it; then {@code sigma} when the model has a residual scale; then the fixed effects; then an
 * ordinal model's thresholds ({@code 1|2}, …) and a zero-inflation model's coefficients
 * ({@code zi~TERM}, glmmTMB's confint names).
 *
 * @param names  parameter names
 * @param values estimates, in the same order
 */
public record NamedParameters(List<String> names, double[] values) {
    public NamedParameters {
        names = List.copyOf(names);
        values = values.clone();
    }

    /** The name of the residual standard deviation. */
    public static final String SIGMA = "sigma";

    public static NamedParameters of(MixedModelFit fit) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<VarianceComponent> sds = fit.randomEffects();
        List<RandomEffectCorrelation> cors = fit.correlations();
        int c = 0;
        for (int i = 0; i < sds.size(); ) {
            // A term's correlations start with its first effect against each later one, so they mark where it ends.
            int q = 1;
            while (i + q < sds.size() && c + q - 1 < cors.size() && sameTerm(sds.get(i), sds.get(i + q), cors.get(c + q - 1))) {
                q++;
            }
            RandomEffectCorrelation[][] r = new RandomEffectCorrelation[q][q];
            for (int b = 0; b < q; b++) {
                for (int a = b + 1; a < q; a++) {
                    r[a][b] = cors.get(c++);
                }
            }
            for (int b = 0; b < q; b++) {
                VarianceComponent v = sds.get(i + b);
                names.add("sd_" + v.term() + "|" + v.group());
                values.add(v.stdDev());
                for (int a = b + 1; a < q; a++) {
                    names.add("cor_" + r[a][b].term2() + "." + r[a][b].term1() + "|" + v.group());
                    values.add(r[a][b].correlation());
                }
            }
            i += q;
        }
        if (fit.residualStdDev() != null) {
            names.add(SIGMA);
            values.add(fit.residualStdDev());
        }
        for (FixedEffect f : fit.fixedEffects()) {
            names.add(f.term());
            values.add(f.estimate());
        }
        for (FixedEffect f : fit.thresholds()) {
            names.add(f.term());
            values.add(f.estimate());
        }
        for (FixedEffect f : fit.zeroInflationFixedEffects()) {
            names.add(WaldIntervals.ZERO_INFLATION_PREFIX + f.term());
            values.add(f.estimate());
        }
        return new NamedParameters(names, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean sameTerm(VarianceComponent first, VarianceComponent later, RandomEffectCorrelation r) {
        return r.group().equals(first.group()) && later.group().equals(first.group())
                && r.term1().equals(first.term()) && r.term2().equals(later.term());
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value of a named parameter. */
    public double value(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "' (have " + names + ")");
        }
        return values[i];
    }
}
