package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.InputException;
import io.glimmer.Method;
import io.glimmer.cli.AtomicFile;
import io.glimmer.cli.json.FitJson;
import io.glimmer.cli.json.ModelFile;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.OutputOptions;
import io.glimmer.cli.text.Interpretation;
import io.glimmer.cli.text.ResidualsFile;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.summary.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glimmer fit}: reads the data, fits the model and writes a summary or JSON. */
@Command(name = "fit",
        description = "Fit a (generalized) linear mixed model written in lme4's formula syntax.",
        footer = {"", "Example:",
                "  glimmer fit --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\" --format json",
                "", "Exit status: 0 success, 2 bad input or usage, 1 the fit failed."})
public final class FitCommand extends GlimmerCommand {
    @Mixin
    FormulaOption formula = FormulaOption.once();

    @Mixin
    ModelOptions model;

    @Mixin
    OutputOptions output;

    @Option(names = "--save", paramLabel = "MODEL", order = 25,
            description = "also write the fitted model to this file (JSON), for glimmer predict")
    String save;

    @Option(names = "--residuals", paramLabel = "FILE", order = 26,
            description = "also write a CSV of the fitted values and the response, Pearson, deviance and working residuals")
    String residuals;

    @Option(names = "--loglik-samples", paramLabel = "N", order = 27,
            description = "also estimate the log-likelihood at the estimates by importance sampling with N draws around the conditional modes "
                    + "(JSON log_likelihood_is and log_likelihood_is_se; the summary says how far the fit's own value lies from it)")
    Integer loglikSamples;

    @Option(names = "--seed", paramLabel = "S", order = 28,
            description = "seed of the random numbers of --method MCEM and --loglik-samples (default: a random seed, reported on standard error and in the JSON)")
    Long seed;

    @Override
    public Integer call() {
        String format = output.format("text", "json");
        FitOptions options = model.fitOptions();
        String formula = this.formula.formula();
        output.checkWritable();
        if (save != null) {
            AtomicFile.checkWritable(save, "--save");
            if (options.effectiveMethod() == Method.CONDITIONAL) {
                throw new InputException("--save: a conditional logistic regression has no intercept for new strata, so it cannot predict");
            }
        }
        if (residuals != null) {
            AtomicFile.checkWritable(residuals, "--residuals");
        }
        boolean monteCarlo = options.effectiveMethod() == Method.MCEM;
        if (seed != null && loglikSamples == null && !monteCarlo) {
            throw new InputException("--seed applies to --method MCEM and --loglik-samples");
        }
        DataFrame data = model.readData(stdin());
        if (monteCarlo) { // without --seed the fit draws one, reported below
            options = new FitOptions(options.family(), options.link(), options.method(), options.agqPoints(), options.weights(), options.factors(),
                    options.cluster(), options.corstr(), options.strata(), options.correlation(), seed);
        }
        long start = System.nanoTime();
        PreparedModel toFit = Glimmer.prepare(data, formula, options);
        if (loglikSamples != null) {
            toFit.checkLikelihoodSampled(loglikSamples);
        }
        MixedModelFit fit = toFit.fit();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(fit.fitSeconds() > 0)) {
            fit = fit.toBuilder().fitSeconds(seconds).build();
        }
        PreparedModel prepared = PreparedModel.of(fit); // what the fit was made from: its coding, rows and response
        Long drawsSeed = seed;
        if (fit.details() instanceof EstimatorDetails.MonteCarlo mc) {
            drawsSeed = mc.seed();
            if (seed == null) {
                Seeds.report(drawsSeed, err());
            }
        }
        if (loglikSamples != null) {
            fit = prepared.withImportanceSampledLikelihood(fit, loglikSamples, drawsSeed != null ? drawsSeed : Seeds.givenOrDrawn(null, err()), 0);
        }
        Design design = prepared.design();
        if (save != null) {
            ModelFile.write(prepared.saved(fit), save);
        }
        if (residuals != null) {
            ResidualsFile.write(fit.residuals(), residuals);
        }
        Interpretation interpretation = Interpretation.of(fit, design);
        String text;
        if (format.equals("json")) {
            ObjectNode json = FitJson.toJson(fit);
            interpretation.addTo(json);
            text = FitJson.write(json);
        } else {
            text = Summary.render(fit, model.dataName(), interpretation.lines());
        }
        output.write(text, out());
        return 0;
    }
}
