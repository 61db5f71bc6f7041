package io.glimmer.options;

import io.glimmer.error.InputException;

import java.util.List;

/**
 * Denominator degrees of freedom for a linear mixed model's t and F tests of fixed effects:
 * lmerTest's Satterthwaite method and pbkrtest's Kenward–Roger method, named as on the command line.
 */
public enum DenominatorDf {
    SATTERTHWAITE("satterthwaite", "Satterthwaite's"), KENWARD_ROGER("kenward-roger", "Kenward-Roger's");

    private final String label;
    private final String possessive;

    DenominatorDf(String label, String possessive) {
        this.label = label;
        this.possessive = possessive;
    }

    public String label() {
        return label;
    }

    /** As lmerTest's headings name it: "Satterthwaite's", "Kenward-Roger's". */
    public String possessive() {
        return possessive;
    }

    /** The method of a command-line name or unique prefix (case-insensitive), or an InputException listing them. */
    public static DenominatorDf parse(String s) {
        List<DenominatorDf> all = List.of(values());
        return Choices.findByPrefix(all, DenominatorDf::label, s).orElseThrow(() -> new InputException(
                "unknown {--ddf} '" + s + "' (choose one of: " + Choices.list(all, DenominatorDf::label) + ")"));
    }
}
