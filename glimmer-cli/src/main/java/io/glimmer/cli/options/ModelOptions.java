package io.glimmer.cli.options;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.options.DenominatorDf;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.glmm.GeneralizedLinearMixedModel;
import io.glimmer.predict.SavedModel;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The data and the fit options shared by the commands that fit a model (fit, compare, confint and
 * simulate): {@code --data}, {@code --family}, {@code --link}, {@code --method}, {@code --agq},
 * {@code --factors}, {@code --weights} and the GEE / conditional / residual-correlation options.
 */
public final class ModelOptions {
    static final String STDIN = "-";
    static final List<String> FAMILIES = List.of("gaussian", "binomial", "poisson", "Gamma", "inverse.gaussian", "nbinom2", "nbinom1", "beta", "ordinal");
    static final List<String> LINKS = List.of("identity", "logit", "probit", "cloglog", "cauchit", "log", "inverse", "sqrt", "1/mu^2");
    static final int DEFAULT_AGQ = 9;
    /** The help of --sep, for every command that reads data. */
    public static final String SEP_DESCRIPTION = "field separator: one character, or tab, \\t, comma, semicolon "
            + "(default: detected from the header: comma, semicolon or tab)";

    @Option(names = "--data", required = true, paramLabel = "FILE", order = 1,
            description = "CSV file with a header row, gzip-compressed or not; '-' reads standard input")
    String data;

    @Option(names = "--sep", paramLabel = "C", order = 3, description = SEP_DESCRIPTION)
    String sep;

    @Option(names = "--family", paramLabel = "FAMILY", order = 10,
            description = "gaussian, binomial, poisson, Gamma, inverse.gaussian, nbinom2, nbinom1, beta, ordinal (default: gaussian)")
    String family;

    @Option(names = "--link", paramLabel = "LINK", order = 11,
            description = "identity, logit, probit, cloglog, cauchit, log, inverse, sqrt, 1/mu^2 (default: the family's canonical link)")
    String link;

    @Option(names = "--method", paramLabel = "METHOD", order = 12,
            description = "REML, ML (gaussian with identity link), Laplace, AGQ, PQL, GEE, conditional "
                    + "(default: REML for gaussian-identity, else Laplace)")
    String method;

    @Option(names = "--agq", paramLabel = "N", order = 13,
            description = "quadrature points for --method AGQ (default: " + DEFAULT_AGQ + "; implies AGQ when no method is given)")
    Integer agq;

    @Option(names = "--factors", split = ",", paramLabel = "COL", order = 14,
            description = "columns to read as categories although their values look numeric, e.g. --factors herd,period")
    List<String> factors = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "COL", order = 15,
            description = "prior weights (binomial: number of trials when the response is a proportion)")
    String weights;

    @Option(names = "--cluster", paramLabel = "COL", order = 16, description = "GEE clusters")
    String cluster;

    @Option(names = "--corstr", paramLabel = "S", order = 17,
            description = "GEE working correlation: independence, exchangeable, ar1, unstructured")
    String corstr;

    @Option(names = "--strata", paramLabel = "COL", order = 18, description = "strata for --method conditional")
    String strata;

    @Option(names = "--correlation", paramLabel = "S", order = 19,
            description = "residual correlation: ar1(TIME | GROUP), exp(TIME | GROUP), cs(1 | GROUP)")
    String correlation;

    @Option(names = "--levels", split = ",", paramLabel = "L", order = 19,
            description = "--family ordinal: the response's categories in order, e.g. --levels low,mid,high "
                    + "(default: numbers by value, text in the data's order of levels)")
    List<String> levels = new ArrayList<>();

    @Option(names = "--start", paramLabel = "P=V,...", order = 20,
            description = "nonlinear model: start values of its parameters, e.g. Asym=170,xmid=700,scal=350 "
                    + "(names in the formula that are not columns are parameters; optional for a self-starting model such as SSlogis)")
    String start;

    @Option(names = "--random", paramLabel = "P ~ 1 | G", order = 21,
            description = "nonlinear model: the parameters with random effects and their grouping column, as P1 + P2 ~ 1 | G")
    String random;

    @Option(names = "--random-structure", paramLabel = "S", order = 22,
            description = "nonlinear model: covariance of the random effects, general (default) or diagonal")
    String randomStructure;

    @Option(names = "--fixed", paramLabel = "P ~ COVARIATES; ...", order = 23,
            description = "nonlinear model: covariates of parameters, as Asym ~ Treatment; xmid + scal ~ 1 (default: every parameter ~ 1)")
    String fixed;

    @Option(names = "--zi", paramLabel = "FORMULA", order = 26,
            description = "zero inflation (glmmTMB's ziformula): a logit model of fixed effects for structural zeros, "
                    + "for the poisson, nbinom2 and nbinom1 families, e.g. --zi \"~ x\" (--zi \"~ 1\": one probability for every row)")
    String zeroInflation;

    /** The options checked and converted for the core; an InputException names what is wrong. */
    public FitOptions fitOptions() {
        return builder().build();
    }

    /** {@link #fitOptions()} with denominator degrees of freedom for the t tests (null: none). */
    public FitOptions fitOptions(DenominatorDf ddf) {
        return builder().ddf(ddf).build();
    }

    private FitOptions.Builder builder() {
        FitOptions.Builder b = FitOptions.builder();
        b.cluster(blankToNull("--cluster", cluster)).corstr(blankToNull("--corstr", corstr))
                .strata(blankToNull("--strata", strata)).correlation(blankToNull("--correlation", correlation));
        b.family(choice("--family", family, FAMILIES));
        b.link(choice("--link", link, LINKS));
        Method m = method == null ? null : Method.parse(method.strip());
        if (agq != null) {
            if (agq < 1 || agq > GeneralizedLinearMixedModel.MAX_NAGQ) {
                throw new InputException("--agq must be between 1 and " + GeneralizedLinearMixedModel.MAX_NAGQ
                        + " quadrature points, not " + agq);
            }
            if (m == null) {
                m = agq == 1 ? Method.LAPLACE : Method.AGQ;
            } else if (m != Method.AGQ && !(m == Method.LAPLACE && agq == 1)) {
                throw new InputException("--agq applies to --method AGQ, not " + m.label());
            }
        }
        b.method(m);
        b.agqPoints(m == Method.AGQ && agq == null ? Integer.valueOf(DEFAULT_AGQ) : agq);
        if (weights != null) {
            if (weights.isBlank()) {
                throw new InputException("--weights needs a column name");
            }
            b.weights(weights.strip());
        }
        b.factors(factorSet());
        b.levels(levels.stream().map(String::strip).toList());
        b.zeroInflation(blankToNull("--zi", zeroInflation));
        if (start != null || random != null || randomStructure != null || fixed != null) {
            b.nonlinear(new FitOptions.Nonlinear(StartValues.parse(start), blankToNull("--random", random),
                    blankToNull("--random-structure", randomStructure), blankToNull("--fixed", fixed)));
        }
        return b;
    }

    /**
     * The fit options of a saved model ({@code --model}) evaluated on {@code --data}: family, link and
     * method are the file's; the options that define a model are refused (the file defines it); --weights
     * and --factors are read as given, and --agq must repeat an AGQ fit's points, which the file does not keep.
     */
    public FitOptions savedFitOptions(SavedModel saved) {
        String[][] defining = {{"--family", family}, {"--link", link}, {"--method", method}, {"--cluster", cluster}, {"--corstr", corstr},
                {"--strata", strata}, {"--correlation", correlation}, {"--start", start}, {"--random", random},
                {"--random-structure", randomStructure}, {"--fixed", fixed}, {"--zi", zeroInflation}};
        for (String[] o : defining) {
            if (o[1] != null) {
                throw new InputException(o[0] + " is not given with --model: the model file defines the model");
            }
        }
        if (!levels.isEmpty()) {
            throw new InputException("--levels is not given with --model: the model file defines the model");
        }
        Method m = Method.parse(saved.method());
        if (m == Method.AGQ && agq == null) {
            throw new InputException("the model file does not keep the quadrature points of its AGQ fit: give --agq N as in the fit");
        }
        if (agq != null && m != Method.AGQ) {
            throw new InputException("--agq applies to a model fitted by AGQ, not " + m.label());
        }
        FitOptions.Builder b = builder();
        String zi = saved.zeroInflation() == null ? null : saved.zeroInflation().formula(); // the estimator then decides what it can evaluate
        return b.family(saved.family()).link(saved.link()).method(m).factors(savedFactors(saved)).zeroInflation(zi).build();
    }

    /** --factors and the model's categorical variables that are columns (the file keeps their levels), read as categories. */
    private Set<String> savedFactors(SavedModel saved) {
        Set<String> s = factorSet();
        for (String v : saved.coding().levels().keySet()) {
            if (v.matches("[A-Za-z._][A-Za-z0-9._]*")) {
                s.add(v);
            }
        }
        return s;
    }

    /** As {@link #readData(InputStream)}, with a saved model's categorical variables read as categories. */
    public DataFrame readData(InputStream stdin, SavedModel saved) {
        return readData(data, sep, savedFactors(saved), stdin);
    }

    /** The factor columns named with --factors, in order, blanks dropped. */
    Set<String> factorSet() {
        Set<String> s = new LinkedHashSet<>();
        for (String f : factors) {
            if (!f.isBlank()) {
                s.add(f.strip());
            }
        }
        return s;
    }

    /** The data as named in messages and in the summary: the file as given, or &lt;stdin&gt;. */
    public String dataName() {
        return dataName(data);
    }

    private static String dataName(String data) {
        return STDIN.equals(data) ? "<stdin>" : data;
    }

    /** {@code --data} as given (a file or directory another engine reads itself). */
    public String dataArgument() {
        return data;
    }

    /** {@code --sep} as one character, or null to detect it. */
    public Character separator() {
        return separator(sep);
    }

    /** Reads the CSV file (gzip-compressed or not), or standard input for {@code --data -}. */
    public DataFrame readData(InputStream stdin) {
        return readData(data, sep, factorSet(), stdin);
    }

    /**
     * Reads {@code --data} as a command declares it (with {@code --sep} and the factor columns): the
     * CSV file, gzip-compressed or not, or standard input for '-'.
     */
    public static DataFrame readData(String data, String sep, Set<String> factors, InputStream stdin) {
        CsvOptions options = CsvOptions.builder().factors(factors).separator(separator(sep)).build();
        if (data.isBlank()) {
            throw new InputException("--data needs a file name (or '-' for standard input)");
        }
        if (STDIN.equals(data)) {
            return CsvReader.read(stdin, dataName(data), options);
        }
        Path path;
        try {
            path = Path.of(data);
        } catch (InvalidPathException e) {
            throw new InputException(data + ": not a valid file name (" + e.getReason() + ")", e);
        }
        return CsvReader.read(path, options);
    }

    /**
     * The character of {@code --sep}, or null (detect it) when not given. Besides the character itself,
     * a tab may be written {@code \t} or {@code tab} (a shell passes a real tab only with $'\t'), and
     * comma, semicolon by name.
     */
    static Character separator(String spelled) {
        if (spelled == null) {
            return null;
        }
        String s = spelled.equals("\t") ? "\t" : spelled.strip().toLowerCase(Locale.ROOT);
        Character c = switch (s) {
            case "\\t", "tab", "\t" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            default -> spelled.length() == 1 ? spelled.charAt(0) : null;
        };
        if (c == null) {
            throw new InputException("--sep takes one character, e.g. --sep ';' or --sep tab, not '" + spelled + "'");
        }
        try {
            return CsvOptions.builder().separator(c).build().separator().orElseThrow();
        } catch (InputException e) {
            throw new InputException("--sep: " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String option, String value) {
        if (value != null && value.isBlank()) {
            throw new InputException(option + " needs a value");
        }
        return value == null ? null : value.strip();
    }

    /** The value spelled as in the list (case aside), or an InputException listing the choices. */
    private static String choice(String option, String value, List<String> choices) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        for (String c : choices) {
            if (c.equalsIgnoreCase(v)) {
                return c;
            }
        }
        throw new InputException("unknown " + option.substring(2) + " '" + value + "' (choose one of: " + String.join(", ", choices) + ")");
    }
}
