package io.glimmer.nonlinear;

import io.glimmer.design.Design;
import io.glimmer.fit.FixedEffect;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.lmm.CovarianceStructure;

/**
 * The conditional modes a Laplace (nlmer) fit's fitted values are made of: b minimising
 * ‖y − f(β̂, b)‖² + ‖u‖² level by level at the fit's θ̂ and β̂ ({@link GroupModes}). The fit's reported
 * modes are those of the model linearised there, which re-estimates β with them and so differs slightly;
 * a saved model predicts with these, so that its group-level predictions of the training rows are the fitted values.
 */
public final class LaplaceModes {
    private LaplaceModes() {
    }

    /**
     * @param frame the design of the specification's frame formula over the rows used
     * @return [level][effect], the effects in the order of the random-effects terms (as the fit's modes)
     */
    public static double[][] of(NonlinearSpecification spec, Design frame, double[] y, MixedModelFit fit) {
        NonlinearMixedModel model = NonlinearFit.model(spec, frame, y);
        double[] beta = fit.fixedEffects().stream().mapToDouble(FixedEffect::estimate).toArray();
        CovarianceStructure cs = new CovarianceStructure(model.linearise(beta, model.zeroEffects()).design().randomTerms());
        double[][] b = new GroupModes(model).at(beta, NonlinearLaplace.lambda(cs, fit.theta())).b();
        int[][] terms = model.termParameters();
        int q = 0;
        for (int[] t : terms) {
            q += t.length;
        }
        double[][] out = new double[model.levelCount()][q];
        for (int level = 0; level < out.length; level++) {
            int a = 0;
            for (int t = 0; t < terms.length; t++) {
                for (int i = 0; i < terms[t].length; i++, a++) {
                    out[level][a] = b[t][level * terms[t].length + i];
                }
            }
        }
        return out;
    }
}
