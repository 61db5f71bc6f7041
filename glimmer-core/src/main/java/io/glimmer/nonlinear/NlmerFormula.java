package io.glimmer.nonlinear;

import io.glimmer.error.InputException;

/**
 * lme4's three-part nlmer formula {@code y ~ SSlogis(age, Asym, xmid, scal) ~ Asym | Tree}: the model
 * ({@code y ~ ...}) and the random part ({@code Asym | Tree}, or {@code (Asym + xmid | Tree)}),
 * which is nlme's {@code Asym ~ 1 | Tree}.
 *
 * @param model  the two-sided model formula
 * @param random the random part in nlme's spelling, for {@link RandomParameters}
 */
public record NlmerFormula(String model, String random) {

    /** The formula's parts when it has three (two '~' outside parentheses), else null. */
    public static NlmerFormula of(String text) {
        if (text == null) {
            return null;
        }
        int depth = 0;
        int first = -1;
        int second = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '~' && depth == 0) {
                if (first < 0) {
                    first = i;
                } else if (second < 0) {
                    second = i;
                } else {
                    throw new InputException("formula \"" + text + "\" has more than three parts (at most y ~ model ~ random)");
                }
            }
        }
        if (second < 0) {
            return null;
        }
        String random = text.substring(second + 1).strip();
        while (random.startsWith("(") && random.endsWith(")")) {
            random = random.substring(1, random.length() - 1).strip();
        }
        int bar = random.indexOf('|');
        if (bar < 0) {
            throw new InputException("the random part of \"" + text + "\" is PARAMETERS | GROUP, as Asym | Tree (found \"" + random + "\")");
        }
        return new NlmerFormula(text.substring(0, second).strip(), random.substring(0, bar).strip() + " ~ 1 | " + random.substring(bar + 1).strip());
    }
}
