package io.glimmer.nonlinear;

import io.glimmer.correlation.CorrelatedRows;
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

    /**
     * Fits by Lindstrom–Bates with residuals correlated within groups (nlme's nlme with a corStruct).
     *
     * @param rows the correlation's groups and times over the rows of {@code frame}
     */
    public static MixedModelFit lindstromBates(NonlinearSpecification spec, Design frame, double[] y, boolean reml, CorrelatedRows rows) {
        NonlinearMixedModel model = model(spec, frame, y);
        return new LindstromBates(model, reml, new CorrelatedResiduals(rows)).fit(model.fixedStart(StartValues.of(spec, model)));
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

    /**
     * Fits by adaptive Gauss–Hermite quadrature with nAGQ points (one scalar random effect of one
     * grouping factor); one point is {@link #laplace}.
     */
    public static MixedModelFit agq(NonlinearSpecification spec, Design frame, double[] y, int nAGQ) {
        if (nAGQ == 1) {
            return laplace(spec, frame, y);
        }
        NonlinearMixedModel model = model(spec, frame, y);
        if (model.groupings() > 1 || model.termParameters().length != 1 || model.termParameters()[0].length != 1) {
            throw new InputException("{--method AGQ} with {--agq} above 1 needs one parameter with a random effect and one grouping column "
                    + "(given \"" + String.join(" + ", spec.random().parameters()) + " ~ 1 | " + spec.random().grouping() + "\"); "
                    + "use {--method Laplace} or {--agq 1}");
        }
        return new NonlinearLaplace(model, nAGQ).fit(model.fixedStart(StartValues.of(spec, model)));
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
