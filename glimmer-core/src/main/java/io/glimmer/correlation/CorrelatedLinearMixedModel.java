package io.glimmer.correlation;

import io.glimmer.options.FitOptions;
import io.glimmer.data.DataFrame;
import io.glimmer.design.Design;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.fit.OptimizerSummary;
import io.glimmer.formula.Formula;
import io.glimmer.response.Response;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.lmm.CovarianceStructure;
import io.glimmer.lmm.LinearMixedModel;
import io.glimmer.optim.BoundedMinimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear mixed model with correlated within-group residuals, as nlme's lme with corAR1, corExp or
 * corCompSymm: y = Xβ + Zu + ε, u ~ N(0, σ²ΛΛ'), ε ~ N(0, σ² W^{-1/2} R(φ) W^{-1/2}), R block-diagonal
 * by the correlation's groups (W: prior weights, identity without them).
 * <p>
 * For fixed φ, whitening each group by L_g⁻¹ W_g^{1/2} (R_g = L_g L_g') gives an ordinary linear mixed
 * model on whitened y, X and Z, which {@link LinearMixedModel} profiles over β and σ (or least squares,
 * as nlme's gls, when the formula has no random effects). The Jacobian of
 * the whitening adds log|R(φ)| − Σ log w to −2 log-likelihood, for ML and REML alike, because
 * log|V| = log|V*| + log|R| − Σ log w while X'V⁻¹X and the residual quadratic form are unchanged.
 * <p>
 * REML convention: nlme's REML log-likelihood (logLik of a REML lme) is
 * −½[(n − p) log(2πσ²) + log|V| + log|X'V⁻¹X| + r'V⁻¹r/σ²], without a ½ log|X'X| term, which is
 * lme4's REML criterion; checked against nlme 3.1.162 on the milk data (−46.62417 both ways), so the
 * whitened LMM's criterion is already on nlme's scale. nlme's BIC for REML fits uses n − p
 * observations: see {@link NlmeConventions}.
 */
public final class CorrelatedLinearMixedModel {
    private final Design design;
    private final double[] y;
    private final double[] weights;
    private final boolean reml;
    private final CorrelationSpec spec;
    private final ResidualGroups groups;
    private final ResidualCorrelation structure;
    private final CovarianceStructure covariance;
    private final int extraDropped;
    private final int n;
    private final int p;
    private final double sumLogWeights;
    private final double[] xy;       // [X, √w (y − offset)], n × (p + 1)
    private final double[][] zs;     // per term, √w z, n × q
    private double cachedPhi = Double.NaN;
    private Whitened cached;

    /** The whitening at one φ and the model it leaves. */
    private record Whitened(Whitening whitening, WhitenedModel model) {
    }

    CorrelatedLinearMixedModel(Design design, double[] y, double[] weights, boolean reml, CorrelationSpec spec,
                               ResidualGroups groups, int extraDropped) {
        this.design = design;
        this.y = y.clone();
        this.weights = weights == null ? null : weights.clone();
        this.reml = reml;
        this.spec = spec;
        this.groups = groups;
        this.structure = groups.structure(spec.structure());
        this.covariance = new CovarianceStructure(design.randomTerms());
        this.extraDropped = extraDropped;
        this.n = design.rows();
        this.p = design.p();
        double lw = 0;
        if (weights != null) {
            for (double w : weights) {
                lw += Math.log(w);
            }
        }
        this.sumLogWeights = lw;
        this.xy = scaledColumns();
        this.zs = scaledTerms();
    }

    /** Checks that need no rows: gaussian identity, a response, a valid spec naming columns that exist. */
    public static void check(DataFrame data, Formula formula, FitOptions options) {
        CorrelatedModelInput.check(data, formula, options);
    }

    /** The group and time columns of a spec: a row missing either is removed before the design. */
    public static List<String> columns(CorrelationSpec spec) {
        return CorrelatedModelInput.columns(spec);
    }

    /**
     * The model of a prepared design and response, with every input checked (InputException for
     * groups that do not nest the random effects, repeated times).
     *
     * @param rows          the data without rows missing the group or time
     * @param originalRows  each of those rows' 0-based row in the data as read
     * @param droppedBefore rows removed for a missing group or time
     */
    public static CorrelatedLinearMixedModel of(CorrelationSpec spec, DataFrame rows, int[] originalRows, int droppedBefore,
                                                Design design, Response response, boolean reml) {
        return CorrelatedModelInput.model(spec, rows, originalRows, droppedBefore, design, response, reml);
    }

    private double[] scaledColumns() {
        double[] x = design.x().values();
        double[] offset = design.offset();
        double[] f = new double[n * (p + 1)];
        for (int r = 0; r < n; r++) {
            double s = weights == null ? 1 : Math.sqrt(weights[r]);
            for (int j = 0; j < p; j++) {
                f[r * (p + 1) + j] = s * x[r * p + j];
            }
            f[r * (p + 1) + p] = s * (y[r] - (offset == null ? 0 : offset[r]));
        }
        return f;
    }

    private double[][] scaledTerms() {
        List<RandomEffectsTerm> terms = design.randomTerms();
        double[][] out = new double[terms.size()][];
        for (int k = 0; k < terms.size(); k++) {
            GroupedColumns g = terms.get(k).columns();
            double[] z = g.z().clone();
            if (weights != null) {
                for (int r = 0; r < n; r++) {
                    for (int a = 0; a < g.q(); a++) {
                        z[r * g.q() + a] *= Math.sqrt(weights[r]);
                    }
                }
            }
            out[k] = z;
        }
        return out;
    }

    /** The whitened model at φ (the last one is kept: the optimiser often moves θ alone), or null if R(φ) is singular. */
    private Whitened at(double phi) {
        if (phi == cachedPhi) {
            return cached;
        }
        Whitening w = Whitening.of(structure, phi, groups);
        Whitened result = null;
        if (w != null) {
            double[] f = w.whiten(xy, p + 1);
            double[] x = new double[n * p];
            double[] yw = new double[n];
            for (int r = 0; r < n; r++) {
                System.arraycopy(f, r * (p + 1), x, r * p, p);
                yw[r] = f[r * (p + 1) + p];
            }
            List<RandomEffectsTerm> terms = design.randomTerms();
            List<RandomEffectsTerm> whitenedTerms = new ArrayList<>();
            for (int k = 0; k < terms.size(); k++) {
                RandomEffectsTerm t = terms.get(k);
                GroupedColumns g = t.columns();
                // Each group lies within one level of the term (checked), so the codes stay valid.
                GroupedColumns gw = new GroupedColumns(g.levels(), g.q(), g.codes(), w.whiten(zs[k], g.q()));
                whitenedTerms.add(new RandomEffectsTerm(t.group(), t.termNames(), t.levels(), gw));
            }
            Design d = new Design(design.frame(), design.formula(), new ModelMatrix(design.x().names(), x, n),
                    design.droppedColumns(), null, whitenedTerms);
            WhitenedModel model = terms.isEmpty() ? new WhitenedLeastSquares(d, yw, reml)
                    : new WhitenedMixedModel(new LinearMixedModel(d, yw, null, reml));
            result = new Whitened(w, model);
        }
        cachedPhi = phi;
        cached = result;
        return result;
    }

    /**
     * −2 × the (REML) log-likelihood at θ and φ, profiled over β and σ: the REML criterion or the ML
     * deviance, on nlme's scale; +∞ where R(φ) or the penalised system is singular.
     *
     * @param phi the correlation parameter as reported (AR(1) φ, exponential range, compound-symmetry ρ)
     */
    public double objective(double[] theta, double phi) {
        Whitened m = at(phi);
        if (m == null) {
            return Double.POSITIVE_INFINITY;
        }
        return m.model().objective(theta) + m.whitening().logDet() - sumLogWeights;
    }

    /**
     * The whitened linear mixed model at φ, of a design with random effects (its penalised
     * least-squares solution at θ is that of the correlated model), or null where R(φ) is singular.
     */
    public LinearMixedModel whitened(double phi) {
        Whitened m = at(phi);
        if (m != null && m.model() instanceof WhitenedMixedModel lmm) {
            return lmm.model();
        }
        if (m != null) {
            throw new IllegalStateException("a model without random effects has no whitened linear mixed model");
        }
        return null;
    }

    private double objectiveZ(double[] x) {
        return objective(Arrays.copyOf(x, covariance.size()), structure.natural(x[covariance.size()]));
    }

    /**
     * Minimises jointly over θ and the correlation parameter (on its unconstrained scale z, see the
     * structures) and reports the fit. The optimiser summary's start and optimum are (θ, z). Not
     * thread-safe: the last whitening is cached.
     */
    public MixedModelFit fit() {
        long t0 = System.nanoTime();
        int s = covariance.size();
        double[] start = Arrays.copyOf(covariance.start(), s + 1);
        start[s] = bestStart(covariance.start());
        double[] lower = Arrays.copyOf(covariance.lower(), s + 1);
        double[] upper = Arrays.copyOf(covariance.upper(), s + 1);
        lower[s] = structure.lowerZ();
        upper[s] = structure.upperZ();
        BoundedMinimizer.Result opt = BoundedMinimizer.minimize(this::objectiveZ, start, lower, upper, 0.2, 1e-7);
        double[] theta = Arrays.copyOf(opt.x(), s);
        double z = opt.x()[s];
        MixedModelFit.Builder b = estimatesAt(theta, structure.natural(z)).toBuilder();
        b.optimizer(new OptimizerSummary(opt.name(), start, opt.x(), opt.value(), opt.evaluations(), opt.converged(), opt.messages()));
        b.converged(opt.converged());
        opt.messages().forEach(b::warning);
        double margin = 1e-4 * (structure.upperZ() - structure.lowerZ());
        if (z < structure.lowerZ() + margin || z > structure.upperZ() - margin) {
            b.warning("the correlation parameter is at the edge of its range (" + structure.parameterName() + " = "
                    + structure.natural(z) + "): R is nearly singular or the identity");
        }
        b.fitSeconds((System.nanoTime() - t0) / 1e9);
        return b.build();
    }

    /** Of a few values of the correlation parameter at the starting θ, the best one (unconstrained). */
    private double bestStart(double[] theta) {
        double best = structure.unconstrained(structure.starts()[0]);
        double bestValue = Double.POSITIVE_INFINITY;
        for (double phi : structure.starts()) {
            double v = objective(theta, phi);
            if (v < bestValue) {
                bestValue = v;
                best = structure.unconstrained(phi);
            }
        }
        return best;
    }

    /** Everything that follows from θ and φ, without optimiser details. */
    public MixedModelFit estimatesAt(double[] theta, double phi) {
        Whitened m = at(phi);
        if (m == null) {
            throw new IllegalArgumentException("R is singular at " + structure.parameterName() + " = " + phi);
        }
        double objective = objective(theta, phi);
        MixedModelFit whitened = m.model().estimatesAt(theta);
        // The whitened model's fitted values are L⁻¹ W^{1/2} (Xβ + Zu): undo that for the data scale.
        double[] fitted = m.whitening().unwhiten(whitened.fitted());
        double[] offset = design.offset();
        double sigma = whitened.residualStdDev();
        double[] scaled = new double[n];
        for (int r = 0; r < n; r++) {
            double sw = weights == null ? 1 : Math.sqrt(weights[r]);
            fitted[r] = fitted[r] / sw + (offset == null ? 0 : offset[r]);
            scaled[r] = sw * (y[r] - fitted[r]) / sigma;
        }
        return whitened.toBuilder()
                .nDropped(design.frame().dropped() + extraDropped)
                .logLikelihood(-objective / 2)
                .df(p + covariance.size() + 2)
                .remlCriterion(reml ? objective : null)
                .details(new EstimatorDetails.CorrelatedResiduals(reml, spec.text(), phi))
                .bicObservations(NlmeConventions.bicObservations(n, p, reml))
                .fitted(fitted)
                .scaledResiduals(scaled)
                .build();
    }

    public CovarianceStructure covariance() {
        return covariance;
    }

    public Design design() {
        return design;
    }

    public CorrelationSpec spec() {
        return spec;
    }

    public boolean reml() {
        return reml;
    }
}
