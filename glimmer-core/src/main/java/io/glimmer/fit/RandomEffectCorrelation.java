package io.glimmer.fit;

/** Correlation between two random effects of the same term. */
public record RandomEffectCorrelation(String group, String term1, String term2, double correlation) {
}
