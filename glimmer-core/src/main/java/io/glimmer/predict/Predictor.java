package io.glimmer.predict;

import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.error.InputException;
import io.glimmer.data.DataFrame;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.ZeroInflationDesign;
import io.glimmer.design.ModelMatrixBuilder;
import io.glimmer.family.CumulativeLink;
import io.glimmer.family.Family;
import io.glimmer.family.Link;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.formula.RandomTerm;
import io.glimmer.formula.Term;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predictions of a saved model for new data, as lme4's {@code predict(fit, newdata)}: X and Z are
 * built by the same model-matrix code as in fitting, from the training data's stored levels and
 * scale() constants, so a row is coded exactly as it would have been in the fit.
 *
 * <p>Standard errors: √(x'Vx) for a population prediction on the link scale, times |dμ/dη| on the
 * response scale (the delta method); for a marginal prediction, times E dμ/dη. They treat the
 * variance components as known. Conditional predictions have none.
 */
public final class Predictor {
    private final SavedModel model;
    private final Formula formula;
    private final Link link;

    public Predictor(SavedModel model) {
        this.model = model;
        // a nonlinear model's formula is its mean's, which NonlinearPredictor reads
        this.formula = model.nonlinear() == null ? Formula.parse(model.formula()) : null;
        this.link = Family.of(model.family(), model.link()).link();
    }

    /**
     * The predictions for every row of {@code data}, in its order. An ordinal model's prediction is
     * its linear predictor η, and on the response scale the probability of each category beside it,
     * P(Y = j) = F(α_j − η) − F(α_{j−1} − η).
     */
    public Predictions predict(DataFrame data, PredictionScale scale, RandomEffectsMode random) {
        if (model.nonlinear() != null) {
            return new NonlinearPredictor(model).predict(data, scale, random);
        }
        if (!model.ordinal()) {
            return predictMeans(data, scale, random);
        }
        if (random == RandomEffectsMode.MARGINAL) {
            throw new InputException("marginal predictions ({--random marginal}) are not available for ordinal models yet; "
                    + "use {--random conditional} or {--random population}");
        }
        Predictions eta = predictMeans(data, PredictionScale.LINK, random);
        if (scale == PredictionScale.LINK) {
            return eta;
        }
        CumulativeLink cumulative = CumulativeLink.of(link, model.categories());
        double[] alpha = model.thresholds();
        double[] values = eta.values();
        double[][] probabilities = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            probabilities[r] = Double.isNaN(values[r]) ? nan(alpha.length + 1) : cumulative.probabilities(values[r], alpha);
        }
        return new Predictions(scale, random, values, eta.stdErrors(), null, eta.missingRows(), eta.notes(), model.categories(), probabilities);
    }

    private static double[] nan(int k) {
        double[] v = new double[k];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /** Predictions of the mean (or η), for every model but an ordinal one's probabilities. */
    private Predictions predictMeans(DataFrame data, PredictionScale scale, RandomEffectsMode random) {
        List<Expr> needed = new ArrayList<>();
        for (Term t : formula.fixedTerms()) {
            needed.addAll(t.factors());
        }
        needed.addAll(formula.offsets());
        if (random != RandomEffectsMode.POPULATION) {
            for (RandomTerm rt : formula.randomTerms()) {
                rt.terms().forEach(t -> needed.addAll(t.factors()));
                if (random == RandomEffectsMode.CONDITIONAL) {
                    needed.addAll(rt.grouping());
                }
            }
        }
        ModelFrame frame = ModelFrame.forNewData(data, needed, model.coding());
        int n = data.rows();
        ModelMatrix x = ModelMatrixBuilder.build(frame, formula.intercept(), formula.fixedTerms(), model.coefficientNames());
        double[] eta = populationPredictor(frame, x);
        boolean[] missing = new boolean[n];
        Set<String> missingVariables = markMissing(frame, needed, missing);
        List<RowTerm> terms = random == RandomEffectsMode.POPULATION ? List.of() : rowTerms(frame, random == RandomEffectsMode.CONDITIONAL);
        List<String> notes = new ArrayList<>();
        int missingRows = 0;
        for (boolean m : missing) {
            missingRows += m ? 1 : 0;
        }
        if (missingRows > 0) {
            notes.add(missingNote(missingRows, missingVariables));
        }
        double[] values = new double[n];
        double[] se = random == RandomEffectsMode.CONDITIONAL || model.betaCovariance() == null ? null : new double[n];
        double[] approx = random == RandomEffectsMode.MARGINAL && link == Link.LOGIT ? new double[n] : null;
        Map<String, Unseen> unseen = new LinkedHashMap<>();
        double[][] v = model.betaCovariance();
        int p = x.columns();
        double[] row = new double[p];
        for (int r = 0; r < n; r++) {
            if (missing[r]) {
                values[r] = Double.NaN;
                if (se != null) {
                    se[r] = Double.NaN;
                }
                if (approx != null) {
                    approx[r] = Double.NaN;
                }
                continue;
            }
            System.arraycopy(x.values(), r * p, row, 0, p);
            double seLink = v == null ? Double.NaN : Math.sqrt(Matrices.quadraticForm(v, row));
            switch (random) {
                case CONDITIONAL -> {
                    double e = eta[r];
                    for (RowTerm t : terms) {
                        int level = t.levels[r];
                        if (level < 0) {
                            unseen.computeIfAbsent(t.saved.group(), g -> new Unseen()).add(r, t.names[r]);
                            continue;
                        }
                        for (int a = 0; a < t.saved.q(); a++) {
                            e += t.z[r * t.saved.q() + a] * t.saved.mode(level, a);
                        }
                    }
                    values[r] = scale == PredictionScale.LINK ? e : link.inverse(e);
                }
                case POPULATION -> {
                    values[r] = scale == PredictionScale.LINK ? eta[r] : link.inverse(eta[r]);
                    if (se != null) {
                        se[r] = scale == PredictionScale.LINK ? seLink : Math.abs(link.muEta(eta[r])) * seLink;
                    }
                }
                case MARGINAL -> {
                    double variance = 0;
                    for (RowTerm t : terms) {
                        variance += t.saved.variance(t.z, r * t.saved.q());
                    }
                    double sd = Math.sqrt(variance);
                    double mean = MarginalPredictions.mean(link, eta[r], sd);
                    double seResponse = Math.abs(MarginalPredictions.meanDerivative(link, eta[r], sd)) * seLink;
                    if (scale == PredictionScale.RESPONSE) {
                        values[r] = mean;
                        if (se != null) {
                            se[r] = seResponse;
                        }
                    } else {
                        double marginalEta = link.link(mean);
                        values[r] = marginalEta;
                        if (se != null) {
                            se[r] = seResponse / Math.abs(link.muEta(marginalEta));
                        }
                    }
                    if (approx != null) {
                        approx[r] = scale == PredictionScale.RESPONSE ? MarginalPredictions.logitApproximation(eta[r], variance)
                                : MarginalPredictions.attenuate(eta[r], variance);
                    }
                }
            }
        }
        unseen.forEach((group, u) -> notes.add(u.note(group)));
        if (model.zeroInflation() != null && scale == PredictionScale.RESPONSE) {
            return zeroInflated(data, values, se, notes, random);
        }
        return new Predictions(scale, random, values, se, approx, missingRows, notes);
    }

    /**
     * Response-scale predictions of a zero-inflated model: the mean (1 − p₀)μ (glmmTMB's type = "response"),
     * without standard errors (the delta method would need γ's covariance too); NA where a variable of the
     * zero-inflation formula is missing. The link scale is the count model's η, as glmmTMB's type = "link".
     */
    private Predictions zeroInflated(DataFrame data, double[] mu, double[] se, List<String> notes, RandomEffectsMode random) {
        SavedModel.ZeroInflation zi = model.zeroInflation();
        Formula f = Formula.parse(ZeroInflationDesign.oneSided(zi.formula()));
        List<Expr> needed = new ArrayList<>();
        f.fixedTerms().forEach(t -> needed.addAll(t.factors()));
        ModelFrame frame = ModelFrame.forNewData(data, needed, zi.coding());
        ModelMatrix x = ModelMatrixBuilder.build(frame, f.intercept(), f.fixedTerms(), zi.names());
        double[] gamma = zi.gamma();
        double[] values = mu.clone();
        int missingRows = 0;
        for (int r = 0; r < values.length; r++) {
            boolean missing = Double.isNaN(values[r]);
            for (Expr e : needed) {
                missing |= frame.column(e).isMissing(r);
            }
            if (missing) {
                values[r] = Double.NaN;
                missingRows++;
                continue;
            }
            values[r] *= 1 - ZeroInflationDesign.zeroProbability(x, r, gamma);
        }
        List<String> all = new ArrayList<>(notes);
        if (se != null) {
            all.add("standard errors of a zero-inflated model's response-scale predictions are not computed (the link scale has them)");
        }
        return new Predictions(PredictionScale.RESPONSE, random, values, null, null, missingRows, all);
    }

    /** offset + Xβ for every row (NaN where a predictor is missing). */
    private double[] populationPredictor(ModelFrame frame, ModelMatrix x) {
        int n = x.rows();
        int p = x.columns();
        double[] beta = model.beta();
        double[] eta = new double[n];
        for (Expr o : formula.offsets()) {
            double[] off = frame.numeric(o);
            for (int r = 0; r < n; r++) {
                eta[r] += off[r];
            }
        }
        double[] xv = x.values();
        for (int r = 0; r < n; r++) {
            eta[r] = LinearPredictor.row(xv, p, r, beta, eta[r]);
        }
        return eta;
    }

    /**
     * Z rows of every random-effects term for the new rows, and with {@code withLevels} the index of
     * each row's level among the training levels (-1 when not seen there).
     */
    private List<RowTerm> rowTerms(ModelFrame frame, boolean withLevels) {
        List<RowTerm> out = new ArrayList<>();
        List<SavedRandomTerm> used = new ArrayList<>();
        for (RandomTerm rt : formula.randomTerms()) {
            ModelMatrix z = ModelMatrixBuilder.build(frame, rt.intercept(), rt.terms());
            SavedRandomTerm saved = model.term(rt.groupLabel(), z.names(), used);
            if (saved == null) {
                throw new InputException("the saved model has no random-effects term (" + String.join(" + ", z.names()) + " | "
                        + rt.groupLabel() + ") although its formula has one; the model file is inconsistent");
            }
            used.add(saved);
            String[] names = new String[frame.rows()];
            int[] levels = new int[frame.rows()];
            java.util.Arrays.fill(levels, -1);
            if (withLevels) {
                Map<String, Integer> index = new HashMap<>();
                for (int l = 0; l < saved.levels().size(); l++) {
                    index.put(saved.levels().get(l), l);
                }
                String[] rowLevels = frame.groupLevels(rt.grouping());
                for (int r = 0; r < levels.length; r++) {
                    names[r] = rowLevels[r];
                    Integer l = rowLevels[r] == null ? null : index.get(rowLevels[r]);
                    levels[r] = l == null ? -1 : l;
                }
            }
            out.add(new RowTerm(saved, z.values(), levels, names));
        }
        return out;
    }

    /** One random-effects term evaluated on the new rows. */
    private record RowTerm(SavedRandomTerm saved, double[] z, int[] levels, String[] names) {
    }

    /** Marks the rows where a needed expression is missing; the expressions that were, by name. */
    static Set<String> markMissing(ModelFrame frame, List<Expr> needed, boolean[] missing) {
        Set<String> variables = new LinkedHashSet<>();
        for (Expr e : needed) {
            for (int r = 0; r < missing.length; r++) {
                if (frame.column(e).isMissing(r)) {
                    missing[r] = true;
                    variables.add(e.deparse());
                }
            }
        }
        return variables;
    }

    /** The note for rows predicted NA for a missing value. */
    static String missingNote(int missingRows, Set<String> variables) {
        return missingRows + (missingRows == 1 ? " row has" : " rows have") + " a missing value in " + String.join(", ", variables) + "; "
                + (missingRows == 1 ? "its prediction is" : "their predictions are") + " NA";
    }

    /** Rows of one grouping factor whose level the model has not seen. */
    static final class Unseen {
        private final Set<Integer> rows = new LinkedHashSet<>();
        private final Set<String> levels = new LinkedHashSet<>();

        boolean any() {
            return !rows.isEmpty();
        }

        void add(int row, String level) {
            rows.add(row);
            levels.add(level);
        }

        String note(String group) {
            List<String> examples = new ArrayList<>(levels).subList(0, Math.min(3, levels.size()));
            return rows.size() + (rows.size() == 1 ? " row has a level" : " rows have levels") + " of '" + group
                    + "' not seen in fitting (" + String.join(", ", examples) + (levels.size() > 3 ? ", ..." : "")
                    + "); predicted with that group's random effects at zero (population level)";
        }
    }
}
