package io.glimmer.predict;

import io.glimmer.data.DataFrame;
import io.glimmer.design.ModelFrame;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.ModelMatrixBuilder;
import io.glimmer.error.InputException;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.formula.Expr;
import io.glimmer.formula.Formula;
import io.glimmer.formula.Term;
import io.glimmer.nonlinear.MeanFunction;
import io.glimmer.nonlinear.ParameterCovariates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predictions of a saved nonlinear model for new data, as nlme's {@code predict(fit, newdata, level = )}:
 * each parameter φₖ = Xₖβₖ on the row (its covariates coded with the stored levels), plus at group level
 * the row's group's conditional modes, then f(φ, x). Population level is nlme's level 0 (random effects
 * zero), conditional its level 1; a group not seen in fitting is predicted at population level with a
 * note (as lme4's {@code allow.new.levels}; nlme gives NA there). The mean is the response's own scale,
 * so link and response are the same, and no standard errors are given (nlme gives none).
 */
final class NonlinearPredictor {
    private final SavedModel model;
    private final SavedModel.Nonlinear nl;
    private final MeanFunction mean;

    NonlinearPredictor(SavedModel model) {
        this.model = model;
        this.nl = model.nonlinear();
        this.mean = MeanFunction.parse(model.formula(), nl.parameters());
    }

    Predictions predict(DataFrame data, PredictionScale scale, RandomEffectsMode random) {
        if (random == RandomEffectsMode.MARGINAL) {
            throw new InputException("marginal predictions ({--random marginal}) are not available for nonlinear models; use {--random conditional} "
                    + "(group level, nlme's level 1) or {--random population} (nlme's level 0)");
        }
        Map<String, Formula> covariates = nl.fixed() == null ? Map.of() : ParameterCovariates.parse(nl.fixed()).byParameter();
        String group = model.randomTerms().get(0).group();
        List<Expr> needed = new ArrayList<>();
        for (String c : mean.columns()) {
            needed.add(new Expr.Variable(c));
        }
        covariates.values().forEach(f -> f.fixedTerms().forEach(t -> needed.addAll(t.factors())));
        if (random == RandomEffectsMode.CONDITIONAL) {
            needed.add(new Expr.Variable(group));
        }
        for (Expr e : needed) {
            String name = e.deparse();
            if (e instanceof Expr.Variable && !data.has(name)) {
                throw new InputException("the new data have no column '" + name + "', which the model needs (columns: "
                        + String.join(", ", data.names()) + ")");
            }
        }
        ModelFrame frame = ModelFrame.forNewData(data, needed, model.coding());
        int n = data.rows();
        boolean[] missing = new boolean[n];
        Set<String> missingVariables = Predictor.markMissing(frame, needed, missing);
        double[][] phi = parameters(frame, covariates, n);
        List<String> notes = new ArrayList<>();
        if (random == RandomEffectsMode.CONDITIONAL) {
            addModes(frame, group, phi, missing, notes);
        }
        double[][] columns = new double[mean.columns().size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = frame.numeric(new Expr.Variable(mean.columns().get(c)));
        }
        double[] values = mean.values(n, columns, phi);
        int missingRows = 0;
        for (int r = 0; r < n; r++) {
            if (missing[r]) {
                values[r] = Double.NaN;
                missingRows++;
            }
        }
        if (missingRows > 0) {
            notes.add(0, Predictor.missingNote(missingRows, missingVariables));
        }
        return new Predictions(scale, random, values, null, null, missingRows, notes);
    }

    /** φₖ = Xₖβₖ on every row, X built from the new data with the training data's coding. */
    private double[][] parameters(ModelFrame frame, Map<String, Formula> covariates, int n) {
        List<String> parameters = nl.parameters();
        double[][] phi = new double[parameters.size()][n];
        double[] beta = model.beta();
        List<String> names = model.coefficientNames();
        for (int k = 0; k < parameters.size(); k++) {
            String p = parameters.get(k);
            int own = names.indexOf(p);
            if (own >= 0) { // a constant parameter: its β is named after it
                java.util.Arrays.fill(phi[k], beta[own]);
                continue;
            }
            List<Integer> js = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (names.get(j).startsWith(p + ".")) {
                    js.add(j);
                    columns.add(names.get(j).substring(p.length() + 1));
                }
            }
            Formula f = covariates.get(p);
            if (f == null || js.isEmpty()) {
                throw new InputException("the saved model has no fixed effect of the parameter '" + p + "'; the model file is inconsistent");
            }
            ModelMatrix x = ModelMatrixBuilder.build(frame, f.intercept(), f.fixedTerms(), columns);
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int i = 0; i < js.size(); i++) {
                    s += x.get(r, i) * beta[js.get(i)];
                }
                phi[k][r] = s;
            }
        }
        return phi;
    }

    /** Adds each row's group's modes to the parameters they belong to; unseen groups stay at population level. */
    private void addModes(ModelFrame frame, String group, double[][] phi, boolean[] missing, List<String> notes) {
        String[] rowLevels = frame.groupLevels(List.of(new Expr.Variable(group)));
        Predictor.Unseen unseen = new Predictor.Unseen();
        int effect = 0;
        for (SavedRandomTerm t : model.randomTerms()) {
            Map<String, Integer> index = new HashMap<>();
            for (int l = 0; l < t.levels().size(); l++) {
                index.put(t.levels().get(l), l);
            }
            for (int a = 0; a < t.q(); a++, effect++) {
                double[] target = phi[nl.parameters().indexOf(nl.randomParameters().get(effect))];
                for (int r = 0; r < target.length; r++) {
                    if (missing[r]) {
                        continue;
                    }
                    Integer level = index.get(rowLevels[r]);
                    if (level == null) {
                        unseen.add(r, rowLevels[r]);
                    } else {
                        target[r] += t.mode(level, a);
                    }
                }
            }
        }
        if (unseen.any()) {
            notes.add(unseen.note(group));
        }
    }
}
