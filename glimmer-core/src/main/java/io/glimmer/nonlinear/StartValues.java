package io.glimmer.nonlinear;

/** The fixed effects' start: --start's values, else the self-starting model's initial values. */
final class StartValues {
    private StartValues() {
    }

    static double[] of(NonlinearSpecification spec, NonlinearMixedModel model) {
        NonlinearFormula f = spec.formula();
        double[] start = new double[f.parameters().size()];
        boolean complete = true;
        for (int k = 0; k < start.length; k++) {
            Double v = spec.start().get(f.parameters().get(k));
            if (v == null) {
                complete = false;
            } else {
                start[k] = v;
            }
        }
        if (complete) {
            return start;
        }
        double[] initial = SelfStartValues.of(f, model.columns(), model.y());
        for (int k = 0; k < start.length; k++) {
            Double v = spec.start().get(f.parameters().get(k));
            start[k] = v == null ? initial[k] : v;
        }
        return start;
    }
}
