package io.glimmer.correlation;

import io.glimmer.error.InputException;
import io.glimmer.correlation.SpecTokenizer.Kind;
import io.glimmer.correlation.SpecTokenizer.Token;

import java.util.List;

/**
 * A parsed {@code --correlation} value: {@code ar1(TIME | GROUP)}, {@code exp(TIME | GROUP)} or
 * {@code cs(1 | GROUP)}, as nlme's corAR1 / corExp / corCompSymm with {@code form = ~ TIME | GROUP}.
 * A time of {@code 1} means the position of the row within its group (nlme's {@code ~ 1 | g}).
 *
 * @param structure the correlation structure
 * @param time      the time column, or null for positions within the group
 * @param group     the grouping column
 * @param text      the spec as given, for messages
 * @param timeAt    1-based position of the time in the text (for messages)
 * @param groupAt   1-based position of the group in the text
 */
public record CorrelationSpec(Structure structure, String time, String group, String text, int timeAt, int groupAt) {
    /** The structures, named as on the command line (nlme's class names are accepted too). */
    public enum Structure {
        AR1("ar1", "corAR1", "AR(1)", "Phi"), EXP("exp", "corExp", "Exponential spatial correlation", "range"),
        CS("cs", "corCompSymm", "Compound symmetry", "Rho");

        private final String label;
        private final String nlmeName;
        private final String title;
        private final String parameter;

        Structure(String label, String nlmeName, String title, String parameter) {
            this.label = label;
            this.nlmeName = nlmeName;
            this.title = title;
            this.parameter = parameter;
        }

        public String label() {
            return label;
        }

        /** The name nlme's print gives the structure ("Correlation Structure: AR(1)"). */
        public String title() {
            return title;
        }

        /** nlme's name of the parameter: Phi, range or Rho. */
        public String parameter() {
            return parameter;
        }

        static Structure named(String s) {
            for (Structure v : values()) {
                if (v.label.equalsIgnoreCase(s) || v.nlmeName.equalsIgnoreCase(s)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** Parses a spec; an InputException that names the position of the first problem. */
    public static CorrelationSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw SpecTokenizer.error(spec == null ? "" : spec, 1, "empty specification");
        }
        List<Token> t = SpecTokenizer.tokens(spec);
        Token name = expect(spec, t, 0, Kind.NAME, "a structure name");
        Structure s = Structure.named(name.text());
        if (s == null) {
            throw SpecTokenizer.error(spec, name.position(), "unknown correlation structure '" + name.text()
                    + "' (choose ar1, exp or cs)");
        }
        expect(spec, t, 1, Kind.OPEN, "'('");
        Token time = expect(spec, t, 2, Kind.NAME, s == Structure.CS ? "'1'" : "a time column or '1'");
        if (t.get(3).kind() == Kind.CLOSE) {
            throw SpecTokenizer.error(spec, t.get(3).position(), "missing '| GROUP': a grouping column is needed");
        }
        expect(spec, t, 3, Kind.BAR, "'|'");
        Token group = expect(spec, t, 4, Kind.NAME, "a grouping column");
        expect(spec, t, 5, Kind.CLOSE, "')'");
        expect(spec, t, 6, Kind.END, "the end");
        boolean positions = time.text().equals("1");
        if (s == Structure.CS && !positions) {
            // The order of rows does not matter to compound symmetry, so a time would be ignored.
            throw SpecTokenizer.error(spec, time.position(), "compound symmetry has no time: write cs(1 | "
                    + group.text() + ") instead of '" + time.text() + "'");
        }
        return new CorrelationSpec(s, positions ? null : time.text(), group.text(), spec, time.position(), group.position());
    }

    private static Token expect(String spec, List<Token> tokens, int i, Kind kind, String what) {
        Token tok = tokens.get(Math.min(i, tokens.size() - 1));
        if (tok.kind() != kind) {
            throw SpecTokenizer.error(spec, tok.position(), "expected " + what + " but found " + tok.describe());
        }
        return tok;
    }

    @Override
    public String toString() {
        return structure.label() + "(" + (time == null ? "1" : time) + " | " + group + ")";
    }

    /** An input error about the data behind the time or group, pointing at its name in the spec. */
    InputException errorAt(int position, String problem) {
        return new InputException(SpecTokenizer.at(text, position, problem));
    }
}
