package io.glimmer;

import io.glimmer.options.FitOptions;
import io.glimmer.options.DenominatorDf;
import io.glimmer.options.Method;
import io.glimmer.ddf.AnovaTable;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.ModelComparison;
import io.glimmer.inference.ProfileIntervals;
import io.glimmer.inference.RefittableModel;
import io.glimmer.model.PreparedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fitting in a line:
 * <pre>{@code
 * MixedModelFit fit = Glimmer.fit(Path.of("sleepstudy.csv"), "Reaction ~ Days + (Days | Subject)");
 * }</pre>
 */
public final class Glimmer {
    private Glimmer() {
    }

    public static MixedModelFit fit(Path csv, String formula) {
        return fit(csv, formula, FitOptions.defaults());
    }

    public static MixedModelFit fit(Path csv, String formula, FitOptions options) {
        DataFrame data = CsvReader.read(csv, CsvOptions.builder().factors(options.factors()).build());
        return fit(data, formula, options);
    }

    public static MixedModelFit fit(DataFrame data, String formula) {
        return fit(data, formula, FitOptions.defaults());
    }

    /** The model made ready to fit (checked, its design and response built), for checks before a long fit. */
    public static PreparedModel prepare(DataFrame data, String formula, FitOptions options) {
        return PreparedModel.of(data, formula, options);
    }

    /**
     * Fits the model: {@code PreparedModel.of(data, formula, options).fit()}.
     *
     * @throws InputException for anything wrong with the formula, the options or the data
     */
    public static MixedModelFit fit(DataFrame data, String formula, FitOptions options) {
        return PreparedModel.of(data, formula, options).fit();
    }

    /**
     * The comparison of models fitted to the same rows, as lme4's {@code anova(m0, m1, ...)}: a REML
     * request is fitted by ML, every model on its own prepared design.
     */
    public static ModelComparison compare(DataFrame data, List<String> formulas, FitOptions options) {
        boolean refit = ModelComparison.checkRequest(formulas, options.effectiveMethod());
        List<ModelComparison.ComparedModel> models = new ArrayList<>();
        for (String formula : formulas) {
            PreparedModel asked = PreparedModel.of(data, formula, options);
            PreparedModel model = refit ? asked.withMethod(Method.ML) : asked;
            models.add(new ModelComparison.ComparedModel(formula, model.fit(), models.size(), model.design()));
        }
        return ModelComparison.of(models, refit);
    }

    /** The likelihood profiles of a fit made by {@link #fit}, for profile confidence intervals (lme4's confint). */
    public static ProfileIntervals profiles(MixedModelFit fit) {
        return PreparedModel.of(fit).profiles(fit);
    }

    /** A fit made by {@link #fit} as a model to refit to simulated responses: the parametric bootstrap's input. */
    public static RefittableModel refittable(MixedModelFit fit) {
        return PreparedModel.of(fit).refittable(fit);
    }

    /**
     * lmerTest's anova of a linear mixed model made by {@link #fit}: an F test per fixed term, type 3
     * (lmerTest's default) or 1, with Satterthwaite or Kenward–Roger denominator degrees of freedom.
     */
    public static AnovaTable anova(MixedModelFit fit, DenominatorDf ddf, int type) {
        return PreparedModel.of(fit).anova(fit, ddf, type);
    }

    /** Fits a linear mixed model and gives lmerTest's anova (type 3 or 1) with the options' --ddf method. */
    public static AnovaTable anova(DataFrame data, String formula, FitOptions options, int type) {
        return PreparedModel.of(data, formula, options).anova(type);
    }
}
