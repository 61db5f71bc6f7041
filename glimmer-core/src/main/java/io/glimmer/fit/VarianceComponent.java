package io.glimmer.fit;

/** Variance and standard deviation of one random effect (or of the residual, group "Residual"). */
public record VarianceComponent(String group, String term, double variance, double stdDev) {
}
