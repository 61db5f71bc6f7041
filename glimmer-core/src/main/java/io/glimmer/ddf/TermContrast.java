package io.glimmer.ddf;

/**
 * The hypothesis an anova row tests: the term and the rows of L (coefficients over the columns of X).
 */
public record TermContrast(String term, double[][] l) {
    public TermContrast {
        double[][] copy = new double[l.length][];
        for (int i = 0; i < l.length; i++) {
            copy[i] = l[i].clone();
        }
        l = copy;
    }

    @Override
    public double[][] l() {
        double[][] copy = new double[l.length][];
        for (int i = 0; i < l.length; i++) {
            copy[i] = l[i].clone();
        }
        return copy;
    }
}
