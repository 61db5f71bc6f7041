package io.glimmer.model;

import io.glimmer.options.Method;
import io.glimmer.design.Design;
import io.glimmer.error.InputException;
import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.RefittableModel;
import io.glimmer.inference.ResponseDraws;
import io.glimmer.nonlinear.NonlinearSimulation;

import java.util.List;

/** A fit with the prepared model it came from, refitted through that model (its rows, design, scaling and method). */
record PreparedRefit(PreparedModel model, MixedModelFit fit) implements RefittableModel {
    @Override
    public ModelMatrix zeroInflation() {
        return model.zeroInflation() == null ? null : model.zeroInflation().x();
    }

    @Override
    public List<String> categories() {
        List<String> c = model.response().categories();
        return c == null || c.isEmpty() ? null : c;
    }

    @Override
    public Design design() {
        return model.design();
    }

    @Override
    public Design scaledDesign() {
        return model.scaledDesign();
    }

    @Override
    public double[] columnScales() {
        return model.scaling().factors().clone();
    }

    @Override
    public Family family() {
        return model.family();
    }

    @Override
    public boolean linear() {
        return model.method() == Method.REML || model.method() == Method.ML;
    }

    @Override
    public int nAGQ() {
        return model.nAGQ();
    }

    @Override
    public double[] y() {
        return model.response().y().clone();
    }

    @Override
    public double[] weights() {
        double[] w = model.response().weights();
        return w == null ? null : w.clone();
    }

    @Override
    public boolean countResponse() {
        return model.countResponse();
    }

    /** A nonlinear model draws from its own mean; every other from its linear predictor. */
    @Override
    public ResponseDraws simulator() {
        if (model.nonlinear() == null) {
            return RefittableModel.super.simulator();
        }
        NonlinearSimulation s = new NonlinearSimulation(model.nonlinear(), model.design(), model.response().y(), fit);
        return s::draw;
    }

    /** @throws InputException when an ordered response lacks a category (its thresholds could not be estimated) */
    @Override
    public MixedModelFit refit(double[] y) {
        List<String> categories = categories();
        if (categories != null) {
            boolean[] seen = new boolean[categories.size()];
            for (double v : y) {
                seen[(int) v - 1] = true;
            }
            for (int j = 0; j < seen.length; j++) {
                if (!seen[j]) { // a bootstrap replicate that fails is counted, as lme4's bootMer counts them
                    throw new InputException("the simulated response has no row in category '" + categories.get(j) + "', so its thresholds could not be estimated");
                }
            }
        }
        return model.withResponse(y).fitWithoutTests();
    }
}
