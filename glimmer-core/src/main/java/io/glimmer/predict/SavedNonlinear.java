package io.glimmer.predict;

import io.glimmer.design.Design;
import io.glimmer.error.InputException;
import io.glimmer.fit.ConditionalModes;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.VarianceComponent;
import io.glimmer.nonlinear.NonlinearSpecification;

import java.util.ArrayList;
import java.util.List;

/**
 * The saved model of a nonlinear fit: the common parts of {@link SavedModel} (β by nlme's names, θ, σ,
 * the coding of the data, the random terms with their covariance and modes) and its
 * {@link SavedModel.Nonlinear} part (the mean's parameters, the parameter of each random effect, {@code --fixed}).
 */
public final class SavedNonlinear {
    private SavedNonlinear() {
    }

    /**
     * @param frame the design of the specification's frame formula (rows used, the coding of covariates and group)
     */
    public static SavedModel of(MixedModelFit fit, Design frame, NonlinearSpecification spec) {
        String group = spec.random().group();
        ConditionalModes modes = fit.conditionalModes().stream().filter(m -> m.group().equals(group)).findFirst()
                .orElseThrow(() -> new InputException("the fit has no conditional modes for '" + group + "'; it cannot be saved for prediction"));
        List<String> randomParameters = new ArrayList<>();
        for (String effect : modes.terms()) {
            randomParameters.add(spec.random().parameters().stream()
                    .filter(p -> effect.equals(p) || effect.equals(p + ".(Intercept)")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no parameter for the random effect " + effect)));
        }
        List<String> levels = frame.randomTerms().get(0).levels();
        List<VarianceComponent> unused = new ArrayList<>(fit.randomEffects());
        List<SavedRandomTerm> terms = new ArrayList<>();
        List<List<String>> blocks = new ArrayList<>();
        if (spec.random().diagonal()) { // pdDiag: one term per effect, uncorrelated
            modes.terms().forEach(t -> blocks.add(List.of(t)));
        } else {
            blocks.add(modes.terms());
        }
        int first = 0;
        for (List<String> names : blocks) {
            terms.add(SavedModel.term(fit, group, names, levels, unused, first));
            first += names.size();
        }
        List<String> names = fit.fixedEffects().stream().map(FixedEffect::term).toList();
        double[] beta = fit.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        SavedModel.Nonlinear nl = new SavedModel.Nonlinear(spec.formula().parameters(), randomParameters, spec.fixed().text());
        return new SavedModel(fit.formula(), fit.family(), fit.link(), fit.method(), fit.nObs(), names, beta, fit.fixedEffectsCovariance(),
                fit.theta(), fit.residualStdDev(), frame.frame().coding(frame.formula()), terms, null, null, null, nl);
    }
}
