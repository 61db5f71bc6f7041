package io.glimmer.cli.command;

import io.glimmer.Glimmer;
import io.glimmer.cli.json.ModelFile;
import io.glimmer.cli.options.FormulaOption;
import io.glimmer.cli.options.ModelOptions;
import io.glimmer.cli.options.SavedModelOption;
import io.glimmer.data.DataFrame;
import io.glimmer.error.InputException;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.model.PreparedModel;
import io.glimmer.predict.SavedModel;

import java.io.InputStream;

/**
 * The model a report or plot draws, prepared on {@code --data}: from {@code --formula} and the fit
 * options, or from a model saved by {@code glimmer fit --save} ({@code --model}), whose fit is then
 * evaluated at its saved parameters rather than refitted.
 *
 * @param saved the saved model, or null
 */
record DrawnModel(DataFrame data, PreparedModel prepared, SavedModel saved) {
    static DrawnModel of(SavedModelOption modelFile, FormulaOption formula, ModelOptions model, InputStream stdin) {
        if (modelFile.file() == null) {
            DataFrame data = model.readData(stdin);
            return new DrawnModel(data, Glimmer.prepare(data, formula.formula(), model.fitOptions()), null);
        }
        if (formula.given()) {
            throw new InputException("--formula is not given with --model: the model file holds the formula");
        }
        SavedModel saved = ModelFile.read(modelFile.file());
        var options = model.savedFitOptions(saved);
        DataFrame data = model.readData(stdin, saved);
        return new DrawnModel(data, Glimmer.prepare(data, saved.formula(), options), saved);
    }

    /** The fit drawn: the model fitted, or the saved one evaluated on the data's rows. */
    MixedModelFit fit() {
        return saved == null ? prepared.fit() : prepared.fitAt(saved);
    }
}
