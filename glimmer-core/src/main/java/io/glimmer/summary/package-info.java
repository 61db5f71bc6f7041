/**
 * The text summary of a fit, as lme4's {@code print(summary(fit))} prints it, so that the library
 * (a fit's {@code toString()}, later) and the command line ({@code glimmer fit}) print the same
 * text. {@link io.glimmer.summary.Summary#render(io.glimmer.fit.MixedModelFit, java.lang.String, java.util.List)}
 * is the entry point.
 *
 * <p>Numbers are written as R writes them: {@link io.glimmer.summary.RFormat} (R's {@code format}
 * and {@code round}), {@link io.glimmer.summary.PValues} ({@code format.pval} and significance
 * stars) and {@link io.glimmer.summary.TextMatrix} (a character matrix printed with
 * {@code quote = FALSE}) are public because the command line's other tables (compare, confint,
 * odds ratios) use them too. The sections of the summary (coefficient, variance and correlation
 * tables, residual quantiles, R's {@code abbreviate}) are package-private.
 *
 * <p>Plain Java on top of {@code io.glimmer.fit}: no I/O, no dependencies. Nothing else in the core
 * uses this package; it reads the fit and never changes it.
 */
package io.glimmer.summary;
