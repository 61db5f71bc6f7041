package io.glimmer.cli;

import io.glimmer.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.inference.RefittableModel;
import io.glimmer.inference.ResponseSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code glimmer simulate}: responses simulated from the fitted model, as lme4's simulate(fit, nsim). */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Simulate responses from a fitted model, as lme4's simulate (new random effects each time).",
                "Writes a CSV with columns sim_1 .. sim_NSIM and one row per row the model uses, in data order.",
                "Binomial responses are written as the data has them: successes for cbind(successes, failures),",
                "proportions with --weights, 0/1 otherwise. Replicate i is the response the bootstrap's replicate i",
                "refits with the same seed."},
        footer = {"", "Example:",
                "  glimmer simulate --data sleepstudy.csv \\",
                "      --formula \"Reaction ~ Days + (Days | Subject)\" --nsim 10 --seed 1",
                "", "Exit status: 0 success, 2 bad input or usage, 1 the fit failed."})
final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--formula", required = true, paramLabel = "FORMULA", order = 2,
            description = "lme4 syntax, e.g. \"y ~ x * f + (1 + x | g)\"")
    String formula;

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
        if (formula.isBlank()) {
            throw new InputException("--formula is empty (expected e.g. \"y ~ x + (1 | g)\")");
        }
        OutputOptions output = new OutputOptions();
        output.output = outputFile;
        output.format = format;
        String f = output.format("csv", "json");
        var options = model.fitOptions();
        output.checkWritable();
        DataFrame data = model.readData(main == null ? System.in : main.stdin());
        RefittableModel m = RefittableModel.of(data, formula, options);
        ResponseSimulator simulator = new ResponseSimulator(m);
        long s = Seeds.givenOrDrawn(seed, spec.commandLine().getErr());
        double[][] y = simulator.simulate(nsim, s);
        for (int i = 0; i < y.length; i++) {
            y[i] = simulator.asData(y[i]);
        }
        output.write(f.equals("json") ? SimulateJson.write(y, s) : SimulateCsv.write(y), spec.commandLine().getOut());
        if (m.fit().nDropped() > 0) {
            spec.commandLine().getErr().println("glimmer: note: " + m.fit().nDropped()
                    + " rows with missing values are not in the output (one row per row the model uses)");
        }
        return 0;
    }
}
