package io.glimmer.ddf;

import io.glimmer.options.DenominatorDf;
import io.glimmer.design.Design;

import java.util.ArrayList;
import java.util.List;

/** lmerTest's anova(fit, type, ddf): each term's hypothesis tested by the chosen method's F test. */
public final class Anova {
    private Anova() {
    }

    /**
     * @param design the design on the original scale of the predictors
     * @param beta   the fixed-effect estimates, in the columns of its X
     * @param sigma  the residual standard deviation, for the sums of squares
     */
    public static AnovaTable of(Design design, ContrastTests tests, DenominatorDf ddf, int type, double[] beta, double sigma) {
        List<AnovaTable.Row> rows = new ArrayList<>();
        for (TermContrast c : AnovaContrasts.of(design, type)) {
            FTest t = tests.fTest(c.l(), beta);
            double meanSq = t.statistic() / t.scaling() * sigma * sigma;
            rows.add(new AnovaTable.Row(c.term(), meanSq * t.numDf(), meanSq, t.numDf(), t.denDf(), t.statistic(), t.pValue()));
        }
        return new AnovaTable(ddf, type, rows);
    }
}
