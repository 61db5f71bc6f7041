package io.glimmer.model;

import io.glimmer.options.Method;
import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrix;
import io.glimmer.family.Family;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.inference.RefittableModel;
import io.glimmer.inference.ResponseDraws;
import io.glimmer.nonlinear.NonlinearSimulation;

/** A fit with the prepared model it came from, refitted through that model (its rows, design, scaling and method). */
record PreparedRefit(PreparedModel model, MixedModelFit fit) implements RefittableModel {
    @Override
    public ModelMatrix zeroInflation() {
        return model.zeroInflation() == null ? null : model.zeroInflation().x();
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

    @Override
    public MixedModelFit refit(double[] y) {
        return model.withResponse(y).fitWithoutTests();
    }
}
