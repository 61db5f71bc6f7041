package io.glimmer.nonlinear;

import io.glimmer.design.Design;
import io.glimmer.error.InputException;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.formula.Expr;

/** The entry point of the nonlinear estimators: a prepared specification, its rows, fitted. */
public final class NonlinearFit {
    private NonlinearFit() {
    }

    /**
     * Fits by Lindstrom–Bates.
     *
     * @param frame the design of {@link NonlinearSpecification#frameFormula()} over the rows used
     * @param y     the response over those rows
     */
    public static MixedModelFit lindstromBates(NonlinearSpecification spec, Design frame, double[] y, boolean reml) {
        NonlinearMixedModel model = model(spec, frame, y);
        return new LindstromBates(model, reml).fit(model.fixedStart(StartValues.of(spec, model)));
    }

    /** Fits by the Laplace approximation (lme4's nlmer), from the Lindstrom–Bates ML fit. */
    public static MixedModelFit laplace(NonlinearSpecification spec, Design frame, double[] y) {
        NonlinearMixedModel model = model(spec, frame, y);
        if (model.groupings() > 1) {
            throw new InputException("nested grouping (" + spec.random().grouping() + ") is fitted by {--method ML or REML} (nlme's Lindstrom-Bates), "
                    + "not Laplace (lme4's nlmer has one grouping factor per random part)");
        }
        return new NonlinearLaplace(model).fit(model.fixedStart(StartValues.of(spec, model)));
    }

    static NonlinearMixedModel model(NonlinearSpecification spec, Design frame, double[] y) {
        NonlinearFormula f = spec.formula();
        double[][] columns = new double[f.columns().size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = frame.frame().numeric(new Expr.Variable(f.columns().get(c)));
        }
        return new NonlinearMixedModel(f, spec.random(), spec.fixed(), frame, y, columns);
    }
}
