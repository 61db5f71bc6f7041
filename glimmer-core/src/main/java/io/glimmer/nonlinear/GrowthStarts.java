package io.glimmer.nonlinear;

import io.glimmer.error.InputException;

import java.util.Map;

/**
 * R's initial values of the sigmoid growth models SSfpl, SSgompertz and SSweibull: a linearising
 * transformation of the mean response gives the nonlinear parameters roughly, then the
 * least-squares fit with the asymptotes linear ({@link Plinear}).
 */
final class GrowthStarts {
    private GrowthStarts() {
    }

    /**
     * The line x = xmid + scal·logit(z) through the means rescaled into (0, 1) with 5% margins
     * (SSlogis and SSfpl): {xmid, scal}.
     */
    static double[] logitLine(SortedXy xy) {
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
        return SortedXy.line(z, xy.x());
    }

    /** SSfpl: A, B, xmid, scal from the fit of a + b/(1 + exp((xmid − x)/e^lscal)), B = a + b. */
    static double[] fpl(SortedXy xy) {
        xy.atLeast(5, "a four-parameter logistic");
        double[] line = logitLine(xy);
        Map<String, Double> p = xy.plinear("a + b / (1 + exp((xmid - x) / exp(lscal)))")
                .fit("SSfpl", ordered("xmid", line[0], "lscal", Math.log(Math.abs(line[1]))), "a", "b");
        return new double[]{p.get("a"), p.get("a") + p.get("b"), p.get("xmid"), Math.exp(p.get("lscal"))};
    }

    /**
     * SSgompertz: Asym, b2, b3. The log of the response approaches its asymptote exponentially
     * (R's NLSstAsymptotic on log|y|), which starts b2 and b3 = exp(−e^lrc).
     */
    static double[] gompertz(SortedXy xy) {
        xy.atLeast(4, "the Gompertz model");
        double[] logY = new double[xy.size()];
        for (int i = 0; i < logY.length; i++) {
            logY[i] = Math.log(Math.abs(xy.y()[i]));
        }
        SortedXy logs = new SortedXy(xy.x(), logY);
        double rt = logs.rightAsymptote();
        double[] d = new double[logY.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.log(Math.abs(logY[i] - rt));
        }
        double lrc = Math.log(-SortedXy.line(xy.x(), d)[1]);
        Map<String, Double> asymptotic = logs.plinear("b0 + b1 * (1 - exp(-exp(lrc) * x))").fit("SSgompertz", Map.of("lrc", lrc), "b0", "b1");
        Map<String, Double> p = xy.plinear("a * exp(-b2 * b3^x)")
                .fit("SSgompertz", ordered("b2", asymptotic.get("b1"), "b3", Math.exp(-Math.exp(asymptotic.get("lrc")))), "a");
        return new double[]{p.get("a"), p.get("b2"), p.get("b3")};
    }

    /** SSweibull: Asym, Drop, lrc, pwr; log(−log((R − y)/(R − L))) is linear in log x (R, L the asymptotes). */
    static double[] weibull(SortedXy xy) {
        xy.atLeast(5, "the Weibull growth model");
        if (xy.x()[0] < 0) {
            throw new InputException("all input values must be non-negative to fit the Weibull growth model (found " + xy.x()[0] + ")");
        }
        double right = xy.rightAsymptote();
        double left = xy.leftAsymptote();
        int first = xy.x()[0] > 0 ? 0 : 1; // R's subset x > 0
        int m = xy.size() - first;
        double[] u = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            u[i] = Math.log(xy.x()[first + i]);
            v[i] = Math.log(-Math.log((right - xy.y()[first + i]) / (right - left)));
        }
        double[] line = SortedXy.line(u, v);
        Map<String, Double> p = xy.plinear("a - b * exp(-exp(lrc) * x^pwr)").fit("SSweibull", ordered("lrc", line[0], "pwr", line[1]), "a", "b");
        return new double[]{p.get("a"), p.get("b"), p.get("lrc"), p.get("pwr")};
    }

    /** Two named starts in this order. */
    static Map<String, Double> ordered(String a, double va, String b, double vb) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put(a, va);
        m.put(b, vb);
        return m;
    }
}
