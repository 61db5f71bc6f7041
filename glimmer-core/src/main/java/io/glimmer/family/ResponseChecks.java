package io.glimmer.family;

import io.glimmer.error.InputException;
import io.glimmer.design.NumberFormat;

/** The checks every family makes before its own: a usable weight and a finite response. */
final class ResponseChecks {
    private ResponseChecks() {
    }

    static void checkWeight(double weight, int row) {
        if (Double.isNaN(weight)) {
            throw error(row, "the weight is missing (NaN)");
        }
        if (weight < 0) {
            throw error(row, "weight " + NumberFormat.message(weight) + " is negative; weights must be >= 0");
        }
        if (Double.isInfinite(weight)) {
            throw error(row, "weight " + NumberFormat.message(weight) + " is not finite");
        }
    }

    static void checkFinite(String family, double y, int row) {
        if (Double.isNaN(y)) {
            throw error(row, family + " response is missing (NaN)");
        }
        if (Double.isInfinite(y)) {
            throw error(row, family + " response " + NumberFormat.message(y) + " is not finite");
        }
    }

    static InputException error(int row, String what) {
        return new InputException("row " + row + ": " + what);
    }
}
