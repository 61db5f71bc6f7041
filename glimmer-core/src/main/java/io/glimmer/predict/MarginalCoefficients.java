package io.glimmer.predict;

import io.glimmer.design.Design;
import io.glimmer.design.LinearPredictor;
import io.glimmer.design.ModelMatrix;
import io.glimmer.design.RandomEffectsTerm;
import io.glimmer.family.Family;
import io.glimmer.family.Link;
import io.glimmer.fit.MixedModelFit;

import java.util.List;

import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Marginal (population-averaged) coefficients of a GLMM: the coefficients β* of the model
 * g(E Y) ≈ offset + Xβ* for the mean over the random effects, E Y = E g⁻¹(offset + xβ + z'u). The
 * marginal means of the training rows are integrated exactly ({@link MarginalPredictions}) and
 * g(mean) − offset is projected on X by least squares (Hedeker et al. 2018; GLMMadaptive's
 * marginal_coefs). Standard errors by the delta method through that projection, with the variance
 * components held at their estimates.
 *
 * <p>For a logit model whose random effects are intercepts only, the classic approximation
 * β / √(1 + c²σ²), c = 16√3/(15π) (Zeger, Liang and Albert 1988), is given beside the exact value.
 *
 * @param conditional  the subject-specific (conditional) estimates β
 * @param estimates    the marginal coefficients β*
 * @param stdErrors    their delta-method standard errors (NaN without a covariance of β)
 * @param attenuated   β / √(1 + c²σ²) for a logit random-intercept model, otherwise null
 * @param interceptVariance σ² of that approximation: the sum of the random-intercept variances (NaN when it does not apply)
 */
public record MarginalCoefficients(List<String> terms, double[] conditional, double[] estimates, double[] stdErrors,
                                   double[] attenuated, double interceptVariance) {
    public MarginalCoefficients {
        terms = List.copyOf(terms);
        conditional = conditional.clone();
        estimates = estimates.clone();
        stdErrors = stdErrors.clone();
        attenuated = attenuated == null ? null : attenuated.clone();
    }

    @Override
    public double[] conditional() {
        return conditional.clone();
    }

    @Override
    public double[] estimates() {
        return estimates.clone();
    }

    @Override
    public double[] stdErrors() {
        return stdErrors.clone();
    }

    @Override
    public double[] attenuated() {
        return attenuated == null ? null : attenuated.clone();
    }

    /** The marginal coefficients of a fit over the rows it was fitted on. */
    public static MarginalCoefficients of(MixedModelFit fit, Design design) {
        SavedModel model = SavedModel.of(fit, design);
        List<RandomEffectsTerm> terms = design.randomTerms();
        double[] variance = new double[design.rows()];
        for (int k = 0; k < terms.size(); k++) {
            SavedRandomTerm saved = model.randomTerms().get(k);
            double[] z = terms.get(k).columns().z();
            for (int r = 0; r < variance.length; r++) {
                variance[r] += saved.variance(z, r * saved.q());
            }
        }
        int[] keep = model.coefficientNames().stream().mapToInt(design.x().names()::indexOf).toArray();
        return of(model, design.x().select(keep), design.offset(), variance);
    }

    /**
     * @param x        rows of X over which the marginal model is fitted (columns as the model's coefficients)
     * @param offset   the offset of each row, or null
     * @param variance per row, the variance z'Σz of the random part of its linear predictor
     */
    public static MarginalCoefficients of(SavedModel model, ModelMatrix x, double[] offset, double[] variance) {
        Link link = Family.of(model.family(), model.link()).link();
        int n = x.rows();
        int p = x.columns();
        double[] beta = model.beta();
        double[] xv = x.values();
        double[] target = new double[n];
        double[] slope = new double[n]; // d g(mean) / dη for each row
        for (int r = 0; r < n; r++) {
            double off = offset == null ? 0 : offset[r];
            double eta = LinearPredictor.row(xv, p, r, beta, off);
            double sd = Math.sqrt(variance[r]);
            double mean = MarginalPredictions.mean(link, eta, sd);
            double marginalEta = link.link(mean);
            target[r] = marginalEta - off;
            slope[r] = MarginalPredictions.meanDerivative(link, eta, sd) / link.muEta(marginalEta);
        }
        RealMatrix xm = MatrixUtils.createRealMatrix(n, p);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                xm.setEntry(r, j, xv[r * p + j]);
            }
        }
        DecompositionSolver ls = new QRDecomposition(xm).getSolver();
        double[] estimates = ls.solve(MatrixUtils.createRealVector(target)).toArray();
        // ∂β*/∂β = (X'X)⁻¹X' D X, D = diag(slope): the same projection applied to D X
        RealMatrix dx = xm.copy();
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                dx.multiplyEntry(r, j, slope[r]);
            }
        }
        RealMatrix jacobian = ls.solve(dx);
        double[] se = new double[p];
        double[][] v = model.betaCovariance();
        if (v == null) {
            java.util.Arrays.fill(se, Double.NaN);
        } else {
            RealMatrix cov = jacobian.multiply(MatrixUtils.createRealMatrix(v)).multiplyTransposed(jacobian);
            for (int j = 0; j < p; j++) {
                se[j] = Math.sqrt(cov.getEntry(j, j));
            }
        }
        double[] attenuated = null;
        double s2 = Double.NaN;
        if (link == Link.LOGIT && !model.randomTerms().isEmpty() && model.randomTerms().stream().allMatch(SavedRandomTerm::interceptOnly)) {
            s2 = model.randomTerms().stream().mapToDouble(t -> t.covariance()[0][0]).sum();
            attenuated = new double[p];
            for (int j = 0; j < p; j++) {
                attenuated[j] = MarginalPredictions.attenuate(beta[j], s2);
            }
        }
        return new MarginalCoefficients(model.coefficientNames(), beta, estimates, se, attenuated, s2);
    }
}
