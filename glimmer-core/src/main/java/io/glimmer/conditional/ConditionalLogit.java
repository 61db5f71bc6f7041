package io.glimmer.conditional;

import io.glimmer.options.FitOptions;
import io.glimmer.error.GlimmerException;
import io.glimmer.error.InputException;
import io.glimmer.data.Column;
import io.glimmer.design.Design;
import io.glimmer.data.DataFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RankCheck;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.FixedEffectsTable;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.formula.Formula;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conditional logistic regression for matched sets, as survival's clogit (method "exact"): the
 * likelihood of which members of each stratum are the cases, given how many are, maximised by
 * Newton–Raphson; Wald standard errors from the inverse information; the likelihood-ratio test
 * against β = 0.
 */
public final class ConditionalLogit {
    private static final double RANK_TOLERANCE = 1e-7; // RankCheck's

    private ConditionalLogit() {
    }

    /** Checks that need no rows: a strata column that exists, no random effects, binomial logit, a 0/1 response, no weights. */
    public static void check(DataFrame data, Formula formula, FitOptions options) {
        MatchedData.checkOptions(data, formula, options);
    }

    /** The 0/1 response of the design (a two-level category: first level 0). */
    public static double[] response(Design design) {
        return MatchedData.response(design.frame(), design.formula().response());
    }

    /**
     * The fit with the likelihood-ratio test and the strata counts.
     *
     * @param strataColumn  each row's stratum, one per row of the design (rows without one already removed)
     * @param droppedBefore rows removed before the design for a missing stratum
     */
    public static ConditionalLogitFit estimate(Design design, Column strataColumn, int droppedBefore) {
        long t0 = System.nanoTime();
        MatchedData d = MatchedData.of(design, strataColumn, droppedBefore);
        Formula formula = design.formula();
        String strataName = strataColumn.name();
        Strata strata = Strata.of(d.strata(), d.y());
        if (strata.informative().isEmpty()) {
            throw new InputException("no stratum of '" + strataName + "' has both a case and a control; the conditional likelihood carries no information");
        }
        List<String> warnings = new ArrayList<>(d.warnings());
        if (strata.dropped() > 0) {
            warnings.add(strata.dropped() + " strata without both outcomes dropped");
        }
        int pAll = d.names().size();
        List<MatchedSet> sets = new ArrayList<>();
        for (int[] rows : strata.informative()) {
            sets.add(MatchedSet.of(rows, d.x(), pAll, d.offset(), d.y()));
        }
        int[] keep = estimable(sets, strata.informative(), d);
        List<String> names = new ArrayList<>();
        for (int j : keep) {
            names.add(d.names().get(j));
        }
        if (keep.length < pAll) {
            List<String> gone = new ArrayList<>(d.names());
            gone.removeAll(names);
            warnings.add("not estimable within the strata (constant in every stratum, or aliased), so dropping: " + String.join(", ", gone));
            sets.replaceAll(s -> s.select(keep));
        }
        if (names.isEmpty()) {
            throw new InputException("no covariate of '" + formula.text() + "' varies within the strata; conditional logistic regression has nothing to estimate");
        }
        int p = names.size();
        ConditionalLikelihood likelihood = new ConditionalLikelihood(sets, p);
        double nullLogLik = likelihood.at(new double[p]).logLikelihood();
        NewtonRaphson.Result r = NewtonRaphson.maximize(likelihood, names);
        warnings.addAll(r.warnings());
        double[][] vcov = inverse(r.at().information(), p);
        List<FixedEffect> fixed = FixedEffectsTable.withZTests(names, r.beta(), vcov);
        double logLik = r.at().logLikelihood();
        GlobalLikelihoodRatioTest lrt = GlobalLikelihoodRatioTest.of(nullLogLik, logLik, p);
        MixedModelFit fit = MixedModelFit.builder()
                .formula(formula.text())
                .family("binomial").link("logit")
                .method("conditional")
                .nObs(d.rows()).nDropped(d.dropped())
                .groups(Map.of(strataName, strata.informative().size()))
                .converged(r.converged())
                .warnings(warnings)
                .logLikelihood(logLik)
                .df(p)
                .fixedEffects(fixed)
                .fixedEffectsCovariance(vcov)
                .optimizer(new OptimizerSummary("Newton-Raphson", new double[p], r.beta(), -2 * logLik, r.evaluations(),
                        r.converged(), r.warnings()))
                .details(new EstimatorDetails.ConditionalLogistic(lrt.chisq(), lrt.df(), lrt.pValue(), strata.informative().size(),
                        strata.dropped()))
                .fitSeconds((System.nanoTime() - t0) / 1e9)
                .build();
        return new ConditionalLogitFit(fit, nullLogLik, lrt,
                strata.informative().size(), strata.dropped(), r.iterations());
    }

    /**
     * Columns that are identified within strata: a rank check of the within-stratum centred
     * covariates. A covariate constant in every stratum centres to zero, or to rounding noise,
     * so that is judged against the column's size before centring, with RankCheck's tolerance.
     */
    private static int[] estimable(List<MatchedSet> sets, List<int[]> strataRows, MatchedData d) {
        List<String> names = d.names();
        int p = names.size();
        double[] raw = new double[p];
        for (int[] rows : strataRows) {
            for (int r : rows) {
                for (int t = 0; t < p; t++) {
                    raw[t] += d.x()[r * p + t] * d.x()[r * p + t];
                }
            }
        }
        int rows = sets.stream().mapToInt(MatchedSet::size).sum();
        double[] stacked = new double[rows * p];
        double[] centred = new double[p];
        int at = 0;
        for (MatchedSet s : sets) {
            System.arraycopy(s.x(), 0, stacked, at, s.x().length);
            at += s.x().length;
            for (int i = 0; i < s.x().length; i++) {
                centred[i % p] += s.x()[i] * s.x()[i];
            }
        }
        for (int i = 0; i < stacked.length; i++) {
            int t = i % p;
            if (Math.sqrt(centred[t]) <= RANK_TOLERANCE * Math.sqrt(raw[t])) {
                stacked[i] = 0; // RankCheck skips an all-zero column
            }
        }
        return RankCheck.independentColumns(new ModelMatrix(names, stacked, rows));
    }

    private static double[][] inverse(double[] information, int p) {
        DMatrixRMaj inv = new DMatrixRMaj(p, p);
        if (!CommonOps_DDRM.invertSPD(new DMatrixRMaj(p, p, true, information.clone()), inv)) {
            throw new GlimmerException("the information matrix of the conditional likelihood is not positive definite at the estimate; "
                    + "standard errors are not available (a coefficient may be infinite)");
        }
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                out[i][j] = inv.get(i, j);
            }
        }
        return out;
    }
}
