package io.glimmer.report.plot;

import io.glimmer.error.InputException;
import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.Column;
import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;
import io.glimmer.data.NumericColumn;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.RandomEffectsMode;

import java.util.Arrays;

/**
 * The marginal against the conditional curve of one numeric predictor (the attenuation the texts
 * derive): the predicted mean over an even grid of the predictor's observed range, with the random
 * effects at zero (conditional, a typical group) and integrated over their distribution (marginal,
 * population-averaged). Every other numeric column is held at its mean over the rows used, every
 * categorical one at its first (reference) level.
 */
public record EffectCurve(String effect, double[] x, double[] conditional, double[] marginal, String heldAt) {
    static final int POINTS = 101;

    public EffectCurve {
        x = x.clone();
        conditional = conditional.clone();
        marginal = marginal.clone();
    }

    /** Fails unless {@code effect} is a numeric column of {@code data}; callers check before a long fit. */
    public static void checkColumn(DataFrame data, String effect) {
        if (!data.has(effect)) {
            throw new InputException("--effect " + effect + ": no such column in the data (columns: " + String.join(", ", data.names()) + ")");
        }
        if (!(data.column(effect) instanceof NumericColumn)) {
            throw new InputException("--effect " + effect + ": a categorical column; the curve needs a numeric predictor");
        }
    }

    public static EffectCurve of(PlotSource source, String effect) {
        DataFrame data = source.model().estimationData();
        checkColumn(data, effect);
        if (source.fit().fixedEffects().stream().map(FixedEffect::term).noneMatch(t -> t.contains(effect))) {
            throw new InputException("--effect " + effect + ": not in the fixed effects of " + source.fit().formula());
        }
        source.requireModes("--effect " + effect);
        int[] kept = source.design().frame().keptRows();
        double[] values = ((NumericColumn) data.column(effect).subset(kept)).values();
        double lo = Arrays.stream(values).filter(Double::isFinite).min().orElseThrow();
        double hi = Arrays.stream(values).filter(Double::isFinite).max().orElseThrow();
        double[] grid = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            grid[i] = lo + (hi - lo) * i / (POINTS - 1);
        }
        DataFrameBuilder b = DataFrameBuilder.named("the --effect " + effect + " grid");
        StringBuilder held = new StringBuilder();
        for (String name : data.names()) {
            Column c = data.column(name).subset(kept);
            if (name.equals(effect)) {
                b.numeric(name, grid);
            } else if (c instanceof NumericColumn n) {
                double mean = Arrays.stream(n.values()).filter(Double::isFinite).average().orElse(Double.NaN);
                double[] v = new double[POINTS];
                Arrays.fill(v, mean);
                b.numeric(name, v);
                held.append(held.length() == 0 ? "" : ", ").append(name).append(" = ").append(io.glimmer.design.NumberFormat.r(mean));
            } else {
                String level = ((CategoricalColumn) c).levels().get(0);
                String[] v = new String[POINTS];
                Arrays.fill(v, level);
                b.categorical(name, v);
                held.append(held.length() == 0 ? "" : ", ").append(name).append(" = ").append(level);
            }
        }
        DataFrame gridData = b.build();
        double[] conditional = source.fit().predict(gridData, PredictionScale.RESPONSE, RandomEffectsMode.POPULATION).values();
        double[] marginal = source.fit().predict(gridData, PredictionScale.RESPONSE, RandomEffectsMode.MARGINAL).values();
        return new EffectCurve(effect, grid, conditional, marginal, held.toString());
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] conditional() {
        return conditional.clone();
    }

    @Override
    public double[] marginal() {
        return marginal.clone();
    }
}
