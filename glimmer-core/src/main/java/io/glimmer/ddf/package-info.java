/**
 * Denominator degrees of freedom for the fixed effects of a linear mixed model: lmerTest's
 * Satterthwaite method ({@link io.glimmer.ddf.Satterthwaite}), pbkrtest's Kenward–Roger method
 * ({@link io.glimmer.ddf.KenwardRoger}), both behind {@link io.glimmer.ddf.ContrastTests}, and lmerTest's
 * type III and type I F tests ({@link io.glimmer.ddf.AnovaContrasts}, {@link io.glimmer.ddf.Anova}).
 * Built on {@link io.glimmer.lmm.LinearMixedModel}'s criterion and covariance of β as functions of θ and σ.
 */
package io.glimmer.ddf;
