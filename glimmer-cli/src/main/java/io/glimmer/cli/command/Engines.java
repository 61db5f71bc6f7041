package io.glimmer.cli.command;

import io.glimmer.error.InputException;

import java.util.ServiceLoader;

/** {@code --engine}: local (null: this process) or an engine found on the class path. */
final class Engines {
    static final String LOCAL = "local";

    private Engines() {
    }

    static FitEngine of(String name, String master) {
        if (LOCAL.equals(name)) {
            if (master != null) {
                throw new InputException("--master goes with --engine spark, not with the local engine");
            }
            return null;
        }
        if (!"spark".equals(name)) {
            throw new InputException("--engine: '" + name + "' is not an engine (choose from: local, spark)");
        }
        for (FitEngine e : ServiceLoader.load(FitEngine.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new InputException("--engine spark: Spark is not on the class path; run ./glimmer (which adds it) or spark-submit with"
                + " glimmer-spark's jar");
    }
}
