package io.glimmer.model;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.family.Distribution;
import io.glimmer.family.Family;
import io.glimmer.family.Link;
import io.glimmer.family.ParametricDistribution;

/** Options that belong to another method are a mistake worth saying, not something to ignore. */
final class MethodOptions {
    private MethodOptions() {
    }

    static void check(FitOptions options, Method method) {
        if (method != Method.GEE && options.cluster() != null) {
            throw new InputException("{--cluster} applies to {--method GEE}, not " + method.label());
        }
        if (method != Method.GEE && options.corstr() != null) {
            throw new InputException("{--corstr} applies to {--method GEE}, not " + method.label());
        }
        if (method != Method.CONDITIONAL && options.strata() != null) {
            throw new InputException("{--strata} applies to {--method conditional}, not " + method.label());
        }
        boolean monteCarlo = method == Method.MCEM || method == Method.MCNR;
        if (!monteCarlo && options.seed() != null) {
            throw new InputException("a seed applies to {--method MCEM} and {--method MCNR} (and to {--loglik-samples}), not to fitting by " + method.label());
        }
        if (!monteCarlo && options.sampler() != null) {
            throw new InputException("{--mc-sampler} applies to {--method MCEM} and {--method MCNR}, not " + method.label());
        }
        if (options.nonlinear() != null && options.correlation() != null && method != Method.REML && method != Method.ML) {
            throw new InputException("{--correlation} with a nonlinear model is fitted by {--method ML or REML} (nlme's Lindstrom-Bates), not "
                    + method.label() + " (lme4's nlmer has no residual correlation)");
        }
        if (method != Method.REML && method != Method.ML && options.correlation() != null) {
            throw new InputException("{--correlation} applies to linear mixed models ({--method REML or ML}), not " + method.label());
        }
        if (options.nonlinear() != null && method != Method.REML && method != Method.ML && method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("nonlinear mixed models ({--start}, {--random#nonlinear}) are fitted by {--method ML or REML} (nlme's Lindstrom-Bates) "
                    + "or Laplace or AGQ (lme4's nlmer; AGQ for one scalar random effect), not " + method.label());
        }
    }

    /**
     * The families with a parameter of their own (and ordinal's thresholds) are fitted by maximum
     * likelihood with it (glmmTMB's and clmm's Laplace or AGQ) only.
     */
    static void checkFamily(Family family, Method method, FitOptions options) {
        boolean ordinal = family.distribution() == Distribution.ORDINAL;
        if ((ordinal || family.distribution() instanceof ParametricDistribution) && method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("the " + family.name() + " family is fitted by {--method Laplace or AGQ}, not " + method.label());
        }
        if (!ordinal && !options.levels().isEmpty()) {
            throw new InputException("{--levels} orders an ordinal response's categories; it applies to {--family ordinal}, not " + family.name());
        }
    }

    /** Zero inflation (glmmTMB's ziformula) of the count families, by Laplace or AGQ. */
    static void checkZeroInflation(FitOptions options, Family family, Method method) {
        if (options.zeroInflation() == null) {
            return;
        }
        String name = family.name();
        if (!name.equals("poisson") && !name.equals("nbinom2") && !name.equals("nbinom1")) {
            throw new InputException("zero inflation ({--zi}) applies to the count families poisson, nbinom2 and nbinom1, not " + name);
        }
        if (family.link() != Link.LOG) {
            throw new InputException("zero inflation ({--zi}) needs the log link, not " + family.link().name());
        }
        if (method != Method.LAPLACE && method != Method.AGQ) {
            throw new InputException("zero-inflated models ({--zi}) are fitted by {--method Laplace or AGQ}, not " + method.label());
        }
    }
}
