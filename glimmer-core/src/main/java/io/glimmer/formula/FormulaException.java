package io.glimmer.formula;

import io.glimmer.error.InputException;

/**
 * A formula the user must fix. The message is one line: where, what was expected, and the
 * formula itself, e.g. {@code formula error at position 14: expected ')' to close '(' opened at
 * position 8 in "y ~ x + (1 | g"}.
 */
public class FormulaException extends InputException {
    private final int position;
    private final String detail;
    private final String formula;

    /**
     * @param detail   what is wrong, without the position or formula (they are added)
     * @param position 0-based character offset into {@code formula}
     * @param formula  the full formula text
     */
    public FormulaException(String detail, int position, String formula) {
        super("formula error at position " + position + ": " + oneLine(detail) + " in \"" + oneLine(formula) + "\"");
        this.position = position;
        this.detail = detail;
        this.formula = formula == null ? "" : formula;
    }

    /** 0-based character offset of the problem in the formula text. */
    public int position() {
        return position;
    }

    /** The message without position and formula, e.g. {@code expected a term after '+'}. */
    public String detail() {
        return detail;
    }

    public String formula() {
        return formula;
    }

    /** Line breaks and tabs become spaces, one for one, so positions still line up. */
    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breaks = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            out.append(breaks ? ' ' : c);
        }
        return out.toString();
    }
}
