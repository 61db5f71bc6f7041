package io.glimmer.nonlinear;

import io.glimmer.error.InputException;

import java.util.Map;

/**
 * The initial values of R's self-starting models, by R's algorithms (stats' SSlogis, SSfpl, ...):
 * on the mean response at each distinct input ({@link SortedXy}; SSfol on the rows themselves), a
 * linearising transformation gives rough values, which nonlinear least squares on the same data
 * refines, as R's nls does ({@link Plinear}).
 */
final class SelfStartValues {
    private SelfStartValues() {
    }

    /**
     * Every parameter's initial value, in the formula's parameter order.
     *
     * @param columns the formula's covariate columns over the rows used, by column index
     * @param y       the response over those rows
     */
    static double[] of(NonlinearFormula f, double[][] columns, double[] y) {
        SelfStart ss = f.selfStart();
        if (ss == null) {
            throw new IllegalStateException("no self-starting model");
        }
        ModelExpression.Inputs rows = new ModelExpression.Inputs(y.length, columns, new double[0][]);
        double[] input = f.selfStartArguments().get(ss.inputCount() - 1).values(rows);
        SortedXy xy = ss == SelfStart.SSfol ? null : SortedXy.of(input, y);
        double[] values = switch (ss) {
            case SSlogis -> logistic(xy);
            case SSmicmen -> michaelisMenten(xy);
            case SSfpl -> GrowthStarts.fpl(xy);
            case SSgompertz -> GrowthStarts.gompertz(xy);
            case SSweibull -> GrowthStarts.weibull(xy);
            case SSasymp -> AsymptoticStarts.asymp(xy);
            case SSasympOff -> AsymptoticStarts.asympOff(xy);
            case SSasympOrig -> AsymptoticStarts.asympOrig(xy);
            case SSbiexp -> CompartmentStarts.biexp(xy);
            case SSfol -> CompartmentStarts.fol(f.selfStartArguments().get(0).values(rows), input, y);
        };
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new InputException(ss.name() + "'s initial values could not be computed from the data (they are not finite): "
                        + "give them with {--start}");
            }
        }
        double[] out = new double[f.parameters().size()];
        for (int k = 0; k < ss.parameters().size(); k++) {
            String name = ((ModelExpression.Parameter) f.selfStartArguments().get(ss.inputCount() + k)).name();
            out[f.parameterIndex(name)] = values[k];
        }
        return out;
    }

    /** SSlogis: the logit line gives xmid and scal; Asym is linear. */
    private static double[] logistic(SortedXy xy) {
        xy.atLeast(4, "a logistic model");
        double[] line = GrowthStarts.logitLine(xy);
        Map<String, Double> p = xy.plinear("a / (1 + exp((xmid - x) / scal))")
                .fit("SSlogis", GrowthStarts.ordered("xmid", line[0], "scal", line[1]), "a");
        return new double[]{p.get("a"), p.get("xmid"), p.get("scal")};
    }

    /** SSmicmen: the Lineweaver–Burk line 1/y = 1/Vm + (K/Vm)/x gives K; Vm is linear. */
    private static double[] michaelisMenten(SortedXy xy) {
        xy.atLeast(3, "a Michaelis-Menten model");
        double[] u = new double[xy.size()];
        double[] v = new double[xy.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = 1 / xy.x()[i];
            v[i] = 1 / xy.y()[i];
        }
        double[] line = SortedXy.line(u, v);
        Map<String, Double> p = xy.plinear("vm * x / (K + x)").fit("SSmicmen", Map.of("K", Math.abs(line[1] / line[0])), "vm");
        return new double[]{p.get("vm"), p.get("K")};
    }
}
