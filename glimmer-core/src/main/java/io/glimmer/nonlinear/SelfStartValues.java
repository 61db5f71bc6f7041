package io.glimmer.nonlinear;

import io.glimmer.error.InputException;

import java.util.ArrayList;
import java.util.List;

/**
 * The initial values of R's self-starting models, by R's algorithms (stats' SSlogis, SSmicmen, ...):
 * on the mean response at each distinct input ({@link SortedXy}), a linearising transformation
 * gives rough values, which nonlinear least squares on the same data refines ({@link LeastSquares},
 * where R runs nls with the "plinear" algorithm: the same least-squares optimum).
 */
final class SelfStartValues {
    private SelfStartValues() {
    }

    /** Every parameter's initial value, in the formula's parameter order. */
    static double[] of(NonlinearFormula f, NonlinearMixedModel model) {
        SelfStart ss = f.selfStart();
        if (ss == null) {
            throw new IllegalStateException("no self-starting model");
        }
        if (ss.inputCount() != 1) {
            throw new InputException(ss.name() + " has no initial-value algorithm here yet: give every parameter a value with {--start}");
        }
        ModelExpression input = f.selfStartArguments().get(0);
        double[] x = input.values(model.inputs(new double[f.parameters().size()], model.zeroEffects()));
        SortedXy xy = SortedXy.of(x, model.y());
        double[] rough = switch (ss) {
            case SSlogis -> logistic(xy);
            case SSmicmen -> michaelisMenten(xy);
            default -> throw new InputException(ss.name() + " has no initial-value algorithm here yet: give every parameter a value with {--start}");
        };
        List<ModelExpression> args = new ArrayList<>();
        args.add(new ModelExpression.Column("x", 0));
        for (int k = 0; k < ss.parameters().size(); k++) {
            args.add(new ModelExpression.Parameter(ss.parameters().get(k), k));
        }
        double[] refined = LeastSquares.fit(ss.expand(args), xy.x(), xy.y(), rough);
        if (refined == null) {
            throw new InputException(ss.name() + "'s initial values could not be computed from the data (its least-squares fit failed): "
                    + "give them with {--start}");
        }
        double[] out = new double[f.parameters().size()];
        for (int k = 0; k < ss.parameters().size(); k++) {
            String name = ((ModelExpression.Parameter) f.selfStartArguments().get(ss.inputCount() + k)).name();
            out[f.parameterIndex(name)] = refined[k];
        }
        return out;
    }

    private static void atLeast(SortedXy xy, int n, String model) {
        if (xy.size() < n) {
            throw new InputException("too few distinct input values to fit " + model + " (" + xy.size() + "; it needs " + n + ")");
        }
    }

    /** SSlogis: y rescaled into (0, 1), its logit regressed linearly: x = xmid + scal·logit(z). */
    private static double[] logistic(SortedXy xy) {
        atLeast(xy, 4, "a logistic model");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : xy.y()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double dz = hi - lo;
        double[] z = new double[xy.size()];
        for (int i = 0; i < z.length; i++) {
            double p = (xy.y()[i] - lo + 0.05 * dz) / (1.1 * dz);
            z[i] = Math.log(p / (1 - p));
        }
        double[] line = SortedXy.line(z, xy.x());
        double xmid = line[0];
        double scal = line[1];
        // plinear: the linear parameter Asym is the least-squares coefficient given xmid and scal
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < z.length; i++) {
            double g = 1 / (1 + Math.exp((xmid - xy.x()[i]) / scal));
            sxy += g * xy.y()[i];
            sxx += g * g;
        }
        return new double[]{sxy / sxx, xmid, scal};
    }

    /** SSmicmen: the Lineweaver–Burk line 1/y = 1/Vm + (K/Vm)/x gives K; Vm is then linear. */
    private static double[] michaelisMenten(SortedXy xy) {
        atLeast(xy, 3, "a Michaelis-Menten model");
        double[] u = new double[xy.size()];
        double[] v = new double[xy.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = 1 / xy.x()[i];
            v[i] = 1 / xy.y()[i];
        }
        double[] line = SortedXy.line(u, v);
        double k = Math.abs(line[1] / line[0]);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < u.length; i++) {
            double g = xy.x()[i] / (k + xy.x()[i]);
            sxy += g * xy.y()[i];
            sxx += g * g;
        }
        return new double[]{sxy / sxx, k};
    }
}
