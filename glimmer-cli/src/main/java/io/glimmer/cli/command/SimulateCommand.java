package io.glimmer.cli.command;

import io.glimmer.Glimmer;
import io.glimmer.error.InputException;
import io.glimmer.cli.json.SimulateJson;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.OutputOptions;
import io.glimmer.cli.text.SimulateCsv;
import io.glimmer.data.DataFrame;
import io.glimmer.inference.RefittableModel;
import io.glimmer.model.PreparedModel;
import io.glimmer.fit.MixedModelFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glimmer simulate}: responses simulated from the fitted model, as lme4's simulate(fit, nsim). */
@Command(name = "simulate",
        description = {"Simulate responses from a fitted model, as lme4's simulate (new random effects each time).",
                "Writes a CSV with columns sim_1 .. sim_NSIM and one row per row the model uses, in data order.",
                "Binomial responses are written as the data has them: successes for cbind(successes, failures),",
                "proportions with --weights, 0/1 otherwise. Replicate i is the response the bootstrap's replicate i",
                "refits with the same seed."},
        footer = {"", "Example:",
                "  glimmer simulate --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\" --nsim 10 --seed 1",
                "", "Exit status: 0 success, 2 bad input or usage, 1 the fit failed."})
public final class SimulateCommand extends GlimmerCommand {
    @Mixin
    FormulaOption formula = FormulaOption.once();

    @Mixin
    ModelOptions model;

    @Option(names = "--nsim", paramLabel = "N", order = 20, description = "number of simulated responses (default: 1)")
    int nsim = 1;

    @Option(names = "--seed", paramLabel = "S", order = 21,
            description = "seed of the random numbers (default: a random seed, reported on standard error and in the JSON)")
    Long seed;

    @Option(names = "--format", paramLabel = "FORMAT", order = 30,
            description = "csv (columns sim_1 .. sim_NSIM) or json (with the seed) (default: csv)")
    String format = "csv";

    @Option(names = "--output", paramLabel = "FILE", order = 31, description = "write there instead of standard output")
    String outputFile;

    @Override
    public Integer call() {
        if (nsim < 1) {
            throw new InputException("--nsim must be at least 1, not " + nsim);
        }
        String formula = this.formula.formula();
        OutputOptions output = OutputOptions.of(format, outputFile);
        String f = output.format("csv", "json");
        var options = model.fitOptions();
        output.checkWritable();
        DataFrame data = model.readData(stdin());
        RefittableModel.checkCovered(options.effectiveMethod(), options.correlation() != null); // before the formula's own checks
        PreparedModel prepared = Glimmer.prepare(data, formula, options);
        MixedModelFit fit = prepared.fit();
        long s = Seeds.givenOrDrawn(seed, err());
        double[][] y = fit.simulate(nsim, s);
        output.write(f.equals("json") ? SimulateJson.write(y, s) : SimulateCsv.write(y), out());
        if (fit.nDropped() > 0) {
            err().println("glimmer: note: " + fit.nDropped()
                    + " rows with missing values are not in the output (one row per row the model uses)");
        }
        return 0;
    }
}
