/**
 * Glimmer's core: generalized linear mixed models fitted with lme4's conventions.
 *
 * <p>The exported packages are the Java API (see docs/API.md): the {@link io.glimmer.Glimmer}
 * facade, its options and exceptions, data frames, the fitted model and its prepared model, and
 * inference on a fit. Everything else (formula parsing, design matrices, the estimators, linear
 * algebra, optimisers) is internal: it can change between releases without notice.
 */
module io.glimmer.core {
    requires org.apache.commons.csv;
    requires hipparchus.core;
    requires hipparchus.optim;
    requires ejml.core;
    requires ejml.ddense;

    exports io.glimmer;
    exports io.glimmer.options;
    exports io.glimmer.error;
    exports io.glimmer.data;
    exports io.glimmer.family;
    exports io.glimmer.fit;
    exports io.glimmer.model;
    exports io.glimmer.inference;
    exports io.glimmer.ddf;
}
