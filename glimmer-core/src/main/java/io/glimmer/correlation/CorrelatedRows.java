package io.glimmer.correlation;

import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;

/**
 * The residual correlation over a model's rows, checked once, for estimators that fit many linear
 * models on the same rows: nlme's nlme with a corStruct fits a new linearisation at every
 * Lindstrom–Bates step, each a {@link CorrelatedLinearMixedModel} on the same groups and times,
 * and whitens its nonlinear residuals between them.
 */
public final class CorrelatedRows {
    private final CorrelationSpec spec;
    private final ResidualGroups groups;
    private final ResidualCorrelation structure;
    private final int droppedBefore;

    private CorrelatedRows(CorrelationSpec spec, ResidualGroups groups, int droppedBefore) {
        this.spec = spec;
        this.groups = groups;
        this.structure = groups.structure(spec.structure());
        this.droppedBefore = droppedBefore;
    }

    /**
     * The groups of a prepared design, with every input checked (InputException for groups that do
     * not nest the random effects, repeated times, non-integer AR(1) times).
     *
     * @param rows          the data without rows missing the group or time
     * @param originalRows  each of those rows' 0-based row in the data as read
     * @param droppedBefore rows removed for a missing group or time
     * @param design        the design over those rows; its random terms are the grouping factors
     */
    public static CorrelatedRows of(CorrelationSpec spec, DataFrame rows, int[] originalRows, int droppedBefore, Design design) {
        ResidualGroups groups = ResidualGroups.of(spec, rows, design.frame().keptRows(), originalRows);
        groups.checkNested(spec, design.randomTerms());
        groups.checkTimes(spec);
        return new CorrelatedRows(spec, groups, droppedBefore);
    }

    /** The linear mixed model of a design over these rows (a linearisation of the same rows) and a response. */
    public CorrelatedLinearMixedModel model(Design design, double[] y, boolean reml) {
        return model(design, y, null, reml);
    }

    CorrelatedLinearMixedModel model(Design design, double[] y, double[] weights, boolean reml) {
        return new CorrelatedLinearMixedModel(design, y, weights, reml, spec, groups, droppedBefore);
    }

    /** L⁻¹ v with R(φ) = LL' block by block (v in model-frame order), or null where R(φ) is singular. */
    public double[] whiten(double[] v, double phi) {
        Whitening w = Whitening.of(structure, phi, groups);
        return w == null ? null : w.whiten(v, 1);
    }

    public CorrelationSpec spec() {
        return spec;
    }
}
