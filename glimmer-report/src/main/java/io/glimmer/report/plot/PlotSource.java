package io.glimmer.report.plot;

import io.glimmer.error.InputException;
import io.glimmer.design.Design;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.VarianceComponent;
import io.glimmer.model.PreparedModel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fit together with the prepared model it was made from: what every plot reads. The design's
 * random-effects terms are matched to the fit's conditional modes by grouping factor (terms of one
 * factor share one {@link ConditionalModes}, their columns in design order).
 */
public final class PlotSource {
    private final MixedModelFit fit;
    private final PreparedModel model;

    private PlotSource(MixedModelFit fit, PreparedModel model) {
        this.fit = fit;
        this.model = model;
    }

    /** The plots of a fit made by {@code Glimmer.fit}; an InputException for a fit with no random effects to plot. */
    public static PlotSource of(MixedModelFit fit) {
        return new PlotSource(fit, PreparedModel.of(fit));
    }

    public MixedModelFit fit() {
        return fit;
    }

    public PreparedModel model() {
        return model;
    }

    public Design design() {
        return model.design();
    }

    /** Whether the fit has conditional modes (every mixed model; not the GEE or the conditional logit). */
    public boolean hasModes() {
        return !fit.conditionalModes().isEmpty();
    }

    /** offset + Xβ̂ per row used: the linear predictor with every random effect at zero. */
    public double[] populationLinearPredictor() {
        Design d = design();
        List<String> names = d.x().names();
        List<FixedEffect> fe = fit.fixedEffects();
        if (fe.size() != names.size()) {
            throw new IllegalStateException(fe.size() + " fixed effects for " + names.size() + " columns of X");
        }
        double[] beta = new double[names.size()];
        for (int j = 0; j < beta.length; j++) {
            beta[j] = fit.beta(names.get(j));
        }
        return LinearPredictor.of(d.x(), d.offset(), beta);
    }

    /** The conditional modes of a term's grouping factor. */
    public ConditionalModes modesOf(RandomEffectsTerm term) {
        for (ConditionalModes m : fit.conditionalModes()) {
            if (m.group().equals(term.group())) {
                return m;
            }
        }
        throw new IllegalStateException("no conditional modes for " + term.group());
    }

    /** For each design term, the column of its first effect in its factor's {@link ConditionalModes}. */
    public int[] modeColumns() {
        List<RandomEffectsTerm> terms = design().randomTerms();
        Map<String, Integer> next = new HashMap<>();
        int[] first = new int[terms.size()];
        for (int k = 0; k < terms.size(); k++) {
            int at = next.getOrDefault(terms.get(k).group(), 0);
            first[k] = at;
            next.put(terms.get(k).group(), at + terms.get(k).q());
        }
        return first;
    }

    /**
     * σ² of each random effect of each design term ([term][effect]), from the fit's variance
     * components, which list the terms' effects in design order (the residual, if any, after them).
     */
    public double[][] variances() {
        List<RandomEffectsTerm> terms = design().randomTerms();
        List<VarianceComponent> vc = fit.randomEffects();
        double[][] out = new double[terms.size()][];
        int i = 0;
        for (int k = 0; k < terms.size(); k++) {
            RandomEffectsTerm t = terms.get(k);
            out[k] = new double[t.q()];
            for (int a = 0; a < t.q(); a++, i++) {
                VarianceComponent c = vc.get(i);
                if (!c.group().equals(t.group()) || !c.term().equals(t.termNames().get(a))) {
                    throw new IllegalStateException("variance component " + i + " is " + c.term() + " | " + c.group()
                            + ", expected " + t.termNames().get(a) + " | " + t.group());
                }
                out[k][a] = c.variance();
            }
        }
        return out;
    }

    /**
     * What Pearson residuals are divided by to be standardised: σ of a linear model, √dispersion of
     * a family with one, else 1.
     */
    public double residualScale() {
        if (fit.residualStdDev() != null) {
            return fit.residualStdDev();
        }
        // a GEE's scale (a mixed model with a dispersion reports it as residualStdDev, above)
        return model.family().hasDispersion() && fit.details() instanceof EstimatorDetails.Gee gee ? Math.sqrt(gee.scale()) : 1;
    }

    /** An InputException unless the fit has conditional modes (the plot named needs them). */
    public void requireModes(String plot) {
        if (!hasModes()) {
            throw new InputException(plot + ": a " + fit.method() + " fit has no random effects to plot");
        }
    }
}
