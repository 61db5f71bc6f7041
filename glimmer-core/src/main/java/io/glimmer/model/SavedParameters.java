package io.glimmer.model;

import io.glimmer.design.Design;
import io.glimmer.error.InputException;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.predict.SavedModel;

import java.util.List;

/**
 * A saved model's θ, β and β's covariance in the order of a design's columns, for evaluating the
 * model on that design's rows without fitting it: the columns must be the ones the model was
 * fitted with (names and count), or the data do not code the model as its fit did.
 *
 * @param betaCovariance null when the saved model has none
 */
record SavedParameters(double[] theta, double[] beta, double[][] betaCovariance) {
    static SavedParameters of(SavedModel saved, Design design) {
        List<String> columns = design.x().names();
        List<String> names = saved.coefficientNames();
        if (!columns.equals(names)) {
            throw new InputException("the model file's fixed effects (" + String.join(", ", names) + ") are not the columns the data give its formula ("
                    + String.join(", ", columns) + "): the data do not code the model as its fit did");
        }
        if (!design.frame().coding(design.formula()).scaling().equals(saved.coding().scaling())) {
            throw new InputException("the data give the model file's scale() terms other centres and scales than its fit had: "
                    + "its coefficients do not apply to them as they are");
        }
        int terms = new CovarianceStructure(design.randomTerms()).size();
        if (saved.theta().length != terms) {
            throw new InputException("the model file has " + saved.theta().length + " covariance parameters (theta) where its formula on these data has "
                    + terms + ": the file does not match the formula");
        }
        return new SavedParameters(saved.theta(), saved.beta(), saved.betaCovariance());
    }
}
