package io.glimmer.error;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Options named inside an error message, written {@code {--cluster}} or {@code {--method GEE}}, so that
 * one message reads right from both sides (a flag with two meanings adds a context: {@code {--random#nonlinear}}): the command line sees {@code --method GEE}, Java sees the
 * {@code FitOptions} builder call {@code method(GEE)} or the API type that plays the option's part.
 */
final class OptionMentions {
    private static final Pattern MENTION = Pattern.compile("\\{--([a-z-]+(?:#[a-z]+)?)(?: ([^}]*))?}");

    /** Command-line option -> FitOptions builder method. */
    private static final Map<String, String> BUILDER = Map.ofEntries(
            Map.entry("method", "method"),
            Map.entry("family", "family"),
            Map.entry("link", "link"),
            Map.entry("agq", "agqPoints"),
            Map.entry("weights", "weights"),
            Map.entry("cluster", "cluster"),
            Map.entry("corstr", "corstr"),
            Map.entry("strata", "strata"),
            Map.entry("correlation", "correlation"),
            Map.entry("ddf", "ddf"),
            Map.entry("seed", "seed"),
            Map.entry("levels", "levels"),
            Map.entry("mc-sampler", "sampler"),
            Map.entry("zi", "zeroInflation"));

    /** Command-line options that are API types rather than fit options, by value ("" when none is given). */
    private static final Map<String, Map<String, String>> TYPES = Map.of(
            "interval", Map.of("wald", "WaldIntervals", "bootstrap", "ParametricBootstrap", "profile", "ProfileIntervals", "", "the kind of interval"),
            "type", Map.of("", "PredictionScale"),
            "random", Map.of("", "RandomEffectsMode"),
            "formula", Map.of("", "formula", "twice", "two formulas"),
            "start", Map.of("", "Nonlinear.start"),
            "loglik-samples", Map.of("", "withImportanceSampledLikelihood"),
            "random#nonlinear", Map.of("", "Nonlinear.random"),
            "random-structure", Map.of("", "Nonlinear.randomStructure"),
            "fixed", Map.of("", "Nonlinear.fixed"));

    private OptionMentions() {
    }

    /** The message as the command line says it: {@code {--method GEE}} becomes {@code --method GEE}. */
    static String commandLine(String message) {
        return render(message, true);
    }

    /** The message as Java says it: {@code {--method GEE}} becomes {@code method(GEE)}. */
    static String java(String message) {
        return render(message, false);
    }

    /** True when the option is one this class can name both ways. */
    static boolean known(String option) {
        return BUILDER.containsKey(option) || TYPES.containsKey(option);
    }

    private static String render(String message, boolean commandLine) {
        if (message == null || message.indexOf("{--") < 0) {
            return message;
        }
        Matcher m = MENTION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String option = m.group(1);
            String value = m.group(2) == null ? "" : m.group(2);
            // "#context" tells two meanings of one flag apart for Java (the random of predict and that of nlme)
            String flag = option.contains("#") ? option.substring(0, option.indexOf('#')) : option;
            String text = commandLine ? "--" + flag + (value.isEmpty() ? "" : " " + value) : javaName(option, value);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String javaName(String option, String value) {
        String builder = BUILDER.get(option);
        if (builder != null) {
            return builder + "(" + (value.isEmpty() ? "..." : value) + ")";
        }
        Map<String, String> byValue = TYPES.get(option);
        if (byValue == null) {
            throw new IllegalArgumentException("no Java name for the option --" + option + " in an error message");
        }
        return byValue.getOrDefault(value, byValue.get("") + (value.isEmpty() ? "" : " " + value));
    }
}
