package io.glimmer.spark;

import io.glimmer.options.FitOptions;
import io.glimmer.error.InputException;
import io.glimmer.options.Method;
import io.glimmer.family.ParametricDistribution;
import io.glimmer.model.PreparedModel;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Formula;
import io.glimmer.formula.RandomTerm;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Glimmer on Apache Spark: the same fits as {@code Glimmer.fit}, with the rows left where they are.
 * Rows are cached on the executors as primitive columns, the sums a fit needs are made there, and
 * the optimiser runs on the driver in the core's own code. So far: the linear mixed model (REML and
 * ML) with terms on one grouping variable each, and the binomial or Poisson GLMM: Laplace with any
 * random-effects terms (crossed, nested), adaptive quadrature with one term on one grouping factor.
 */
public final class GlimmerSpark {
    private GlimmerSpark() {
    }

    /** {@link #fit(Dataset, String, String, FitOptions)} with the data named "data" in messages. */
    public static MixedModelFit fit(Dataset<Row> data, String formula, FitOptions options) {
        return fit(data, "data", formula, options);
    }

    /**
     * Fits the model to the rows of a Spark data set. Columns: numeric types are numbers, strings
     * and booleans categories (and numeric columns named in {@code options.factors()}).
     *
     * @param source the data's name in messages (a file name, say)
     * @throws InputException for anything wrong with the formula, options or data, in one line
     */
    public static MixedModelFit fit(Dataset<Row> data, String source, String formula, FitOptions options) {
        Formula f = Formula.parse(formula);
        Method method = supported(f, options);
        MixedModelFit fit;
        if (method == Method.REML || method == Method.ML) {
            try (DistributedRows rows = TaskFailures.unwrapped(() -> DistributedRows.of(data, source, f, options))) {
                fit = TaskFailures.unwrapped(() -> SparkLmm.fit(rows, method == Method.REML));
            }
        } else {
            Family family = family(options);
            int nAGQ = method == Method.AGQ ? (options.agqPoints() == null ? PreparedModel.DEFAULT_AGQ : options.agqPoints()) : 1;
            boolean oneFactor = f.randomTerms().size() == 1 && f.randomTerms().get(0).grouping().size() == 1;
            fit = TaskFailures.unwrapped(() -> oneFactor ? SparkGlmm.fit(DistributedRows.select(data, source, f, options), family, nAGQ)
                    : SparkCrossedGlmm.fit(DistributedRows.select(data, source, f, options), family));
        }
        List<String> warnings = new ArrayList<>(f.warnings());
        warnings.addAll(fit.warnings());
        return fit.toBuilder().warnings(warnings).source(new SparkFitSource(source)).build();
    }

    private static Family family(FitOptions options) {
        return Family.of(options.family() == null ? "gaussian" : options.family(), options.link());
    }

    /** The method, when the Spark engine fits this model; otherwise a one-line reason. */
    private static Method supported(Formula f, FitOptions options) {
        Method method = options.effectiveMethod();
        Family family = family(options);
        if (method == Method.LAPLACE && family.isGaussianIdentity()) {
            method = Method.ML;
        }
        boolean glmm = method == Method.LAPLACE || method == Method.AGQ;
        if (method != Method.REML && method != Method.ML && !glmm) {
            throw new InputException("the Spark engine fits linear mixed models ({--method REML or ML}) and GLMMs ({--method Laplace or AGQ})"
                    + " so far, not " + method.label());
        }
        if (!glmm && !family.isGaussianIdentity()) {
            throw new InputException("REML and ML apply to the gaussian family with the identity link");
        }
        if (glmm && (family.distribution().hasDispersion() || family.distribution() instanceof ParametricDistribution)) {
            throw new InputException("the Spark engine fits GLMMs of families without a dispersion parameter (binomial, poisson) so far, not "
                    + family.distribution().name());
        }
        if (options.weights() != null || options.correlation() != null) {
            throw new InputException("the Spark engine does not take " + (options.weights() != null ? "{--weights}" : "{--correlation}") + " yet");
        }
        if (f.response() == null) {
            throw new InputException("the formula has no response (nothing left of '~')");
        }
        if (f.randomTerms().isEmpty()) {
            throw new InputException("the formula has no random-effects term such as (1 | group)");
        }
        boolean oneFactor = f.randomTerms().size() == 1 && f.randomTerms().get(0).grouping().size() == 1;
        if (method == Method.AGQ && !oneFactor) {
            throw new InputException("the Spark engine fits adaptive quadrature ({--method AGQ}) for one random-effects term on one grouping factor,"
                    + " such as (1 | g); for crossed or nested terms use {--method Laplace}");
        }
        for (RandomTerm rt : f.randomTerms()) {
            if (!glmm && rt.grouping().size() != 1) {
                throw new InputException("the Spark engine groups by one variable so far, not '" + rt.groupLabel() + "'");
            }
        }
        return method;
    }
}
