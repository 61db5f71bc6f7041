package io.glimmer.report;

/**
 * Which of a plot kind's figures to draw: by grouping factor and term of a random effect, or by
 * parameter; null matches anything. {@link #ALL} is the report's.
 */
public record Selection(String group, String term, String parameter) {
    public static final Selection ALL = new Selection(null, null, null);

    public boolean matches(Candidate c) {
        return (group == null || group.equals(c.group())) && (term == null || term.equals(c.term()))
                && (parameter == null || parameter.equals(c.parameter()));
    }

    public boolean isAll() {
        return group == null && term == null && parameter == null;
    }
}
