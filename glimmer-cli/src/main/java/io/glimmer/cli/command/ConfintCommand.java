package io.glimmer.cli.command;

import io.glimmer.options.FitOptions;
import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.cli.json.ConfintJson;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.OutputOptions;
import io.glimmer.cli.text.ConfintText;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.inference.BootstrapDistribution;
import io.glimmer.inference.ConfidenceIntervals;
import io.glimmer.inference.ParametricBootstrap;
import io.glimmer.inference.RefittableModel;
import io.glimmer.inference.WaldIntervals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;

/** {@code glimmer confint}: confidence intervals for every parameter, as lme4's confint(fit, oldNames = FALSE). */
@Command(name = "confint",
        description = {"Confidence intervals for every parameter of a model, as lme4's confint.",
                "Parameters are named as confint(fit, oldNames = FALSE): sd_TERM|GROUP, cor_TERM2.TERM1|GROUP, sigma and the fixed effects.",
                "profile: profile likelihood (lme4's default); a REML fit is profiled by ML, as lme4 does.",
                "wald: estimate +/- z * standard error, fixed effects only (variance parameters get none, as in lme4).",
                "bootstrap: parametric bootstrap (lme4's bootMer), percentile intervals; seeded and run on every core."},
        footer = {"", "Example:",
                "  glimmer confint --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\" \\",
                "      --interval bootstrap --nsim 500 --seed 1",
                "", "Exit status: 0 success, 2 bad input or usage, 1 the fit failed."})
public final class ConfintCommand extends GlimmerCommand {
    static final int DEFAULT_NSIM = 500;

    @Mixin
    FormulaOption formula = FormulaOption.once();

    @Mixin
    ModelOptions model;

    @Option(names = "--interval", paramLabel = "METHOD", order = 20,
            description = "profile, wald or bootstrap (default: profile, as lme4)")
    String interval = "profile";

    @Option(names = "--level", paramLabel = "P", order = 21, description = "confidence level (default: 0.95)")
    double level = 0.95;

    @Option(names = "--nsim", paramLabel = "N", order = 22,
            description = "bootstrap replicates (default: " + DEFAULT_NSIM + ")")
    Integer nsim;

    @Option(names = "--seed", paramLabel = "S", order = 23,
            description = "seed of the bootstrap's random numbers (default: a random seed, reported on standard error and in the output)")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", order = 24,
            description = "bootstrap threads (default: every core); the result does not depend on it")
    Integer threads;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        String format = output.format("text", "json");
        String method = intervalMethod();
        ConfidenceIntervals.checkLevel(level);
        checkBootstrapOptions(method);
        String formula = this.formula.formula();
        FitOptions options = model.fitOptions();
        output.checkWritable();
        DataFrame data = model.readData(stdin());
        String text = switch (method) {
            case "profile" -> profile(data, formula, options, format);
            case "wald" -> {
                ConfidenceIntervals ci = WaldIntervals.of(Glimmer.fit(data, formula, options), level);
                yield format.equals("json") ? ConfintJson.write(ci, null, null) : ConfintText.render(ci, null, null);
            }
            default -> bootstrap(data, formula, options, format);
        };
        output.write(text, out());
        return 0;
    }

    /** Profile-likelihood intervals (lme4's default), printed as the Wald branch prints. */
    private String profile(DataFrame data, String formula, FitOptions options, String format) {
        PreparedModel prepared = Glimmer.prepare(data, formula, options);
        prepared.checkProfiled();
        MixedModelFit fit = prepared.fit();
        ConfidenceIntervals ci = prepared.profiles(fit).intervals(level);
        return format.equals("json") ? ConfintJson.write(ci, null, null) : ConfintText.render(ci, null, null);
    }

    private String bootstrap(DataFrame data, String formula, FitOptions options, String format) {
        int n = Replicates.orDefault(nsim, DEFAULT_NSIM);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        RefittableModel.checkCovered(options.effectiveMethod(), options.correlation() != null); // before the formula's own checks
        PreparedModel prepared = Glimmer.prepare(data, formula, options);
        RefittableModel m = prepared.refittable(prepared.fit());
        long s = Seeds.givenOrDrawn(seed, err()); // once the model is known to be fine
        BootstrapProgressBar bar = System.console() == null ? null : new BootstrapProgressBar(err(), n);
        BootstrapDistribution boot;
        try {
            boot = ParametricBootstrap.run(m, n, s, t, bar);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        ConfidenceIntervals ci = boot.percentileIntervals(level);
        return format.equals("json") ? ConfintJson.write(ci, boot, s) : ConfintText.render(ci, boot, s);
    }

    private String intervalMethod() {
        String m = interval.strip().toLowerCase(Locale.ROOT);
        if (!m.equals("profile") && !m.equals("wald") && !m.equals("bootstrap")) {
            throw new InputException("unknown --interval '" + interval + "' (choose profile, wald or bootstrap)");
        }
        return m;
    }

    /** --nsim, --seed and --threads belong to the bootstrap: elsewhere they are a mistake worth saying. */
    private void checkBootstrapOptions(String method) {
        if (!method.equals("bootstrap")) {
            for (Object[] o : new Object[][]{{"--nsim", nsim}, {"--seed", seed}, {"--threads", threads}}) {
                if (o[1] != null) {
                    throw new InputException(o[0] + " applies to --interval bootstrap, not " + method);
                }
            }
            return;
        }
        Replicates.orDefault(nsim, DEFAULT_NSIM); // checked here, before the fit
        if (threads != null && threads < 1) {
            throw new InputException("--threads must be at least 1, not " + threads);
        }
    }
}
