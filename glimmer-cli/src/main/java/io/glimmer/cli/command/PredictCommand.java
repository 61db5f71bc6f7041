package io.glimmer.cli.command;

import io.glimmer.cli.common.OneLine;
import io.glimmer.cli.json.ModelFile;
import io.glimmer.cli.json.PredictJson;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.OutputOptions;
import io.glimmer.cli.text.PredictCsv;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.predict.Predictor;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.predict.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Set;

/**
 * {@code glimmer predict}: predictions of a model saved by {@code glimmer fit --save} for the rows of
 * new data, in their order, as CSV or CONTRACT's JSON. Notes (rows with missing values, groups not
 * seen in fitting) go to standard error.
 */
@Command(name = "predict",
        description = "Predict from a model saved by 'glimmer fit --save' for the rows of new data.",
        footer = {"", "Example:",
                "  glimmer fit --data cbpp.csv --factors period,herd --family binomial \\",
                "      --formula \"cbind(incidence, size - incidence) ~ period + (1 | herd)\" \\",
                "      --save cbpp.model.json",
                "  glimmer predict --model cbpp.model.json --data new.csv \\",
                "      --type response --random marginal",
                "", "Exit status: 0 success, 2 bad input or usage, 1 an internal failure."})
public final class PredictCommand extends GlimmerCommand {
    @Option(names = "--model", required = true, paramLabel = "MODEL", order = 1,
            description = "a model file written by glimmer fit --save")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE", order = 2,
            description = "CSV with the predictors (a header row), gzip-compressed or not; '-' reads standard input")
    String data;

    @Option(names = "--sep", paramLabel = "C", order = 2, description = ModelOptions.SEP_DESCRIPTION)
    String sep;

    @Option(names = "--type", paramLabel = "TYPE", order = 3,
            description = "link (the linear predictor) or response (the mean) (default: response)")
    String type = "response";

    @Option(names = "--random", paramLabel = "R", order = 4,
            description = "conditional (the fitted groups' modes; unseen groups at zero), population (random effects zero) "
                    + "or marginal (integrated over the random effects) (default: conditional)")
    String random = "conditional";

    @Option(names = "--format", paramLabel = "FORMAT", order = 5, description = "csv or json (default: csv)")
    String format = "csv";

    @Option(names = "--output", paramLabel = "FILE", order = 6, description = "write there instead of standard output")
    String output;

    @Override
    public Integer call() {
        OutputOptions out = OutputOptions.of(format, output);
        String f = out.format("csv", "json");
        PredictionScale scale = PredictionScale.parse(type);
        RandomEffectsMode mode = RandomEffectsMode.parse(random);
        out.checkWritable();
        SavedModel saved = ModelFile.read(model);
        DataFrame newData = ModelOptions.readData(data, sep, Set.of(), stdin());
        Predictions p = new Predictor(saved).predict(newData, scale, mode);
        PrintWriter err = err();
        for (String note : p.notes()) {
            err.println("glimmer: note: " + OneLine.of(note, ""));
        }
        if (p.approximation() != null) {
            err.println("glimmer: note: the approximation column is the logistic-normal approximation "
                    + (scale == PredictionScale.LINK ? "eta / sqrt(1 + c^2 s^2)" : "expit(eta / sqrt(1 + c^2 s^2))")
                    + ", c = 16 sqrt(3) / (15 pi), s^2 the random-effect variance of the row; the prediction is the exact integral");
        }
        err.flush();
        out.write(f.equals("json") ? PredictJson.write(p) : PredictCsv.write(p), out());
        return 0;
    }
}
