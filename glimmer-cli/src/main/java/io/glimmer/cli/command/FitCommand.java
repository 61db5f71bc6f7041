package io.glimmer.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.options.MonteCarloSampler;
import io.glimmer.cli.common.AtomicFile;
import io.glimmer.cli.json.FitJson;
import io.glimmer.cli.json.ModelFile;
import io.glimmer.cli.options.DdfOption;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.OutputOptions;
import io.glimmer.cli.text.Interpretation;
import io.glimmer.cli.text.ResidualsFile;
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
    DdfOption ddf;

    @Mixin
    OutputOptions output;

    @Option(names = "--save", paramLabel = "MODEL", order = 25,
            description = "also write the fitted model to this file (JSON), for glimmer predict")
    String save;

    @Option(names = "--residuals", paramLabel = "FILE", order = 26,
            description = "also write a CSV of the fitted values and the response, Pearson, deviance and working residuals")
    String residuals;

    @Option(names = "--engine", paramLabel = "E", order = 29, defaultValue = "local",
            description = "where to fit: local (this process, the default) or spark (Apache Spark: ./glimmer adds it; --data may then be Parquet)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", order = 30,
            description = "with --engine spark: the Spark master, e.g. local[2] or spark://host:7077 (default local[*], or spark-submit's)")
    String master;
    @Option(names = "--loglik-samples", paramLabel = "N", order = 27,
            description = "also estimate the log-likelihood at the estimates by importance sampling with N draws around the conditional modes "
                    + "(JSON log_likelihood_is and log_likelihood_is_se; the summary says how far the fit's own value lies from it)")
    Integer loglikSamples;

    @Option(names = "--seed", paramLabel = "S", order = 28,
            description = "seed of the random numbers of --method MCEM or MCNR and --loglik-samples (default: a random seed, reported on standard error and in the JSON)")
    Long seed;

    @Option(names = "--mc-sampler", paramLabel = "NAME", order = 28,
            description = "the E-step of --method MCEM or MCNR: importance (the default), metropolis (much faster with crossed terms of many levels), or gibbs (binomial probit only)")
    String sampler;

    @Override
    public Integer call() {
        String format = output.format("text", "json");
        FitOptions options = model.fitOptions(ddf.value());
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
        boolean monteCarlo = options.effectiveMethod() == Method.MCEM || options.effectiveMethod() == Method.MCNR;
        if (seed != null && loglikSamples == null && !monteCarlo) {
            throw new InputException("--seed applies to --method MCEM or MCNR and --loglik-samples");
        }
        if (sampler != null) { // checked against the method by the core
            options = options.toBuilder().sampler(MonteCarloSampler.parse(sampler)).build();
        }
        FitEngine other = Engines.of(engine, master);
        if (other != null && (save != null || residuals != null || loglikSamples != null)) {
            throw new InputException((save != null ? "--save" : residuals != null ? "--residuals" : "--loglik-samples")
                    + " needs the rows in this process; it does not go with --engine " + engine);
        }
        if (monteCarlo) { // without --seed the fit draws one, reported below
            options = options.toBuilder().seed(seed).build();
        }
        long start = System.nanoTime();
        MixedModelFit fit;
        if (other != null) {
            fit = other.fit(model.dataArgument(), model.separator(), formula, options, master);
        } else {
            PreparedModel toFit = Glimmer.prepare(model.readData(stdin()), formula, options);
            if (loglikSamples != null) {
                toFit.checkLikelihoodSampled(loglikSamples);
            }
            if (monteCarlo) {
                try (MonteCarloProgress progress = new MonteCarloProgress(err(), System.console() != null).catchInterrupt()) {
                    fit = toFit.fit(progress);
                }
            } else {
                fit = toFit.fit();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(fit.fitSeconds() > 0)) {
            fit = fit.toBuilder().fitSeconds(seconds).build();
        }
        // what a local fit was made from: its coding, rows and response (another engine keeps its rows)
        PreparedModel prepared = other == null ? PreparedModel.of(fit) : null;
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
        Design design = prepared == null ? null : prepared.design();
        if (save != null) {
            ModelFile.write(prepared.saved(fit), save);
        }
        if (residuals != null) {
            ResidualsFile.write(fit.residuals(), residuals);
        }
        Interpretation interpretation = Interpretation.of(fit, design);
        if (format.equals("json")) {
            ObjectNode json = FitJson.toStreamedJson(fit); // its level tables written from the fit: f's text is 14 MB
            interpretation.addTo(json);
            output.write(w -> FitJson.write(json, w), out());
        } else {
            output.write(Summary.render(fit, model.dataName(), interpretation.lines()), out());
        }
        return 0;
    }
}
