package io.glimmer.correlation;

import io.glimmer.fit.MixedModelFit;

/**
 * Where nlme reports differently from lme4 for the same likelihood. nlme's logLik of a REML fit
 * counts n − p observations (its "nobs"), so its BIC is deviance + df · log(n − p), while
 * {@link MixedModelFit#bic()} uses n as lme4 does; for the milk AR(1) fit the two differ by 0.03.
 */
public final class NlmeConventions {
    private NlmeConventions() {
    }

    /** The n of nlme's BIC: n − p for REML fits, n for ML fits (see {@link MixedModelFit.Builder#bicObservations}). */
    public static int bicObservations(int n, int p, boolean reml) {
        return reml ? n - p : n;
    }
}
