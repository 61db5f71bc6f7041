package io.glimmer.nonlinear;

import io.glimmer.error.InputException;

import java.util.Map;

/**
 * R's initial values of the asymptotic regression models SSasymp, SSasympOff and SSasympOrig: the
 * rate from the log distance to a guessed asymptote ({@link SortedXy#rightAsymptote()}), then the
 * least-squares fit with the asymptote and intercept linear ({@link Plinear}).
 */
final class AsymptoticStarts {
    private AsymptoticStarts() {
    }

    /** SSasymp: Asym, R0, lrc. */
    static double[] asymp(SortedXy xy) {
        xy.atLeast(3, "an asymptotic regression model");
        if (xy.size() == 3) {
            return threePoints(xy);
        }
        Map<String, Double> p = xy.plinear("a * (1 - exp(-exp(lrc) * x)) + b * exp(-exp(lrc) * x)")
                .fit("SSasymp", Map.of("lrc", logRate(xy)), "a", "b");
        return new double[]{p.get("a"), p.get("b"), p.get("lrc")};
    }

    /** SSasympOff: Asym, lrc, c0 from the fit of a + b·exp(−e^lrc x), c0 = log(−b/a)/e^lrc. */
    static double[] asympOff(SortedXy xy) {
        xy.atLeast(4, "the 'asympOff' model");
        Map<String, Double> p = xy.plinear("a + b * exp(-exp(lrc) * x)").fit("SSasympOff", Map.of("lrc", logRate(xy)), "a", "b");
        double lrc = p.get("lrc");
        return new double[]{p.get("a"), lrc, Math.exp(-lrc) * Math.log(-p.get("b") / p.get("a"))};
    }

    /** SSasympOrig: Asym, lrc; the rate is the mean of log(1 − y/A)/x over the inputs where it is defined. */
    static double[] asympOrig(SortedXy xy) {
        xy.atLeast(3, "the 'asympOrig' model");
        double a0 = xy.rightAsymptote();
        double sum = 0;
        int count = 0;
        for (int i = 0; i < xy.size(); i++) {
            double v = Math.log(1 - xy.y()[i] / a0) / xy.x()[i];
            if (!Double.isNaN(v)) { // R's mean(na.rm = TRUE)
                sum += v;
                count++;
            }
        }
        double lrc = Math.log(Math.abs(sum / count));
        Map<String, Double> p = xy.plinear("a * (1 - exp(-exp(lrc) * x))").fit("SSasympOrig", Map.of("lrc", lrc), "a");
        return new double[]{p.get("a"), p.get("lrc")};
    }

    /** log of minus the slope of log|y − A| on x, A the right asymptote: the log rate of approach. */
    private static double logRate(SortedXy xy) {
        double a = xy.rightAsymptote();
        double[] d = new double[xy.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.log(Math.abs(xy.y()[i] - a));
        }
        return Math.log(-SortedXy.line(xy.x(), d)[1]);
    }

    /** Three equally spaced inputs determine the curve exactly (R's closed form, no least squares). */
    private static double[] threePoints(SortedXy xy) {
        double[] x = xy.x();
        double[] y = xy.y();
        double d1 = y[1] - y[0];
        if (d1 * (y[2] - y[1]) <= 0) {
            throw new InputException("cannot fit an asymptotic regression model to these data (the means at the 3 inputs are not monotone)");
        }
        if (x[1] - x[0] != x[2] - x[1]) {
            throw new InputException("too few observations to fit an asymptotic regression model (3 inputs, not equally spaced)");
        }
        double ratio = (y[2] - y[0]) / d1 - 1; // e^(−rate·spacing)
        double rate = -Math.log(ratio) / (x[1] - x[0]);
        double e1 = Math.exp(-rate * x[0]);
        double r0MinusAsym = d1 / (e1 * (ratio - 1));
        double asym = y[0] - r0MinusAsym * e1;
        return new double[]{asym, r0MinusAsym + asym, Math.log(rate)};
    }
}
