package io.glimmer.cli.command;

import io.glimmer.options.FitOptions;
import io.glimmer.fit.MixedModelFit;

/**
 * Another place to fit than this process ({@code glimmer fit --engine NAME}), found on the class
 * path by {@link java.util.ServiceLoader}: the glimmer-spark module provides "spark". The command line
 * does not depend on any engine, so its own jar carries none of an engine's libraries.
 */
public interface FitEngine {
    /** The name {@code --engine} takes. */
    String name();

    /**
     * Reads the data where the engine runs and fits the model.
     *
     * @param data      the {@code --data} argument: a CSV or Parquet file, or a directory of Parquet files
     * @param separator the CSV separator, or null to detect it
     * @param master    where to run ({@code --master}, e.g. Spark's {@code local[2]}), or null for the engine's default
     */
    MixedModelFit fit(String data, Character separator, String formula, FitOptions options, String master);
}
