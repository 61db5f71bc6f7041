package io.glimmer.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.predict.Predictor;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.predict.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code glimmer predict}: predictions of a model saved by {@code glimmer fit --save} for the rows of
 * new data, in their order, as CSV or CONTRACT's JSON. Notes (rows with missing values, groups not
 * seen in fitting) go to standard error.
 */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Predict from a model saved by 'glimmer fit --save' for the rows of new data.",
        footer = {"", "Example:",
                "  glimmer fit --data cbpp.csv --factors period,herd --family binomial \\",
                "      --formula \"cbind(incidence, size - incidence) ~ period + (1 | herd)\" \\",
                "      --save cbpp.model.json",
                "  glimmer predict --model cbpp.model.json --data new.csv \\",
                "      --type response --random marginal",
                "", "Exit status: 0 success, 2 bad input or usage, 1 an internal failure."})
final class PredictCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

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
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw new InputException("unknown --format '" + format + "' (choose csv or json)");
        }
        PredictionScale scale = PredictionScale.parse(type);
        RandomEffectsMode mode = RandomEffectsMode.parse(random);
        OutputOptions out = new OutputOptions();
        out.output = output;
        out.checkWritable();
        SavedModel saved = ModelFile.read(model);
        ModelOptions input = new ModelOptions();
        input.data = data;
        input.sep = sep;
        DataFrame newData = input.readData(main == null ? System.in : main.stdin());
        Predictions p = new Predictor(saved).predict(newData, scale, mode);
        PrintWriter err = spec.commandLine().getErr();
        for (String note : p.notes()) {
            err.println("glimmer: note: " + ErrorReporter.oneLine(note, ""));
        }
        if (p.approximation() != null) {
            err.println("glimmer: note: the approximation column is the logistic-normal approximation "
                    + (scale == PredictionScale.LINK ? "eta / sqrt(1 + c^2 s^2)" : "expit(eta / sqrt(1 + c^2 s^2))")
                    + ", c = 16 sqrt(3) / (15 pi), s^2 the random-effect variance of the row; the prediction is the exact integral");
        }
        err.flush();
        out.write(f.equals("json") ? json(p) : csv(p), spec.commandLine().getOut());
        return 0;
    }

    /** row (1-based, as in the data file), prediction, then std_error and approximation where they apply. */
    static String csv(Predictions p) {
        StringBuilder s = new StringBuilder("row,prediction");
        double[] values = p.values();
        double[] se = p.stdErrors();
        double[] approx = p.approximation();
        if (se != null) {
            s.append(",std_error");
        }
        if (approx != null) {
            s.append(",approximation");
        }
        s.append('\n');
        for (int r = 0; r < values.length; r++) {
            s.append(r + 1).append(',').append(csvNumber(values[r]));
            if (se != null) {
                s.append(',').append(csvNumber(se[r]));
            }
            if (approx != null) {
                s.append(',').append(csvNumber(approx[r]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** CONTRACT's object: type, random, predictions (null for NA), and std_errors, approximation, n_missing, notes. */
    static String json(Predictions p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", p.scale().label());
        o.put("random", p.random().label());
        numbers(o.putArray("predictions"), p.values());
        if (p.stdErrors() != null) {
            numbers(o.putArray("std_errors"), p.stdErrors());
        }
        if (p.approximation() != null) {
            numbers(o.putArray("approximation"), p.approximation());
        }
        o.put("n_missing", p.missingRows());
        ArrayNode notes = o.putArray("notes");
        p.notes().forEach(notes::add);
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
    }

    /** A number as a CSV cell: every digit Java has, NA for a missing value (R reads both). */
    static String csvNumber(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        return Double.toString(v);
    }
}
