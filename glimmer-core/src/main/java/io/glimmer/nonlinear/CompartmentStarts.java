package io.glimmer.nonlinear;

import java.util.Map;

/**
 * R's initial values of the compartment models SSbiexp and SSfol ("curve peeling"): the terminal
 * phase's log-linear decline gives one rate, what is left of the early phase the other, and the
 * least-squares fit with the coefficients linear ({@link Plinear}) refines both.
 */
final class CompartmentStarts {
    private CompartmentStarts() {
    }

    /** SSbiexp: A1, lrc1, A2, lrc2 (A1 the fast phase). */
    static double[] biexp(SortedXy xy) {
        xy.atLeast(5, "a biexponential");
        int n = xy.size();
        int last = Math.max(3, (int) Math.rint(n / 2.0)); // R's round: half to even
        double[] lateX = java.util.Arrays.copyOfRange(xy.x(), n - last, n);
        double[] lateLogY = new double[last];
        for (int i = 0; i < last; i++) {
            lateLogY[i] = Math.log(xy.y()[n - last + i]);
        }
        double[] slow = SortedXy.line(lateX, lateLogY);
        double lrc2 = Math.log(Math.abs(slow[1]));
        double[] earlyX = java.util.Arrays.copyOfRange(xy.x(), 0, n - last);
        double[] residual = new double[n - last];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = Math.log(Math.abs(xy.y()[i] - Math.exp(slow[0]) * Math.exp(-Math.exp(lrc2) * xy.x()[i])));
        }
        double lrc1 = Math.log(Math.abs(SortedXy.line(earlyX, residual)[1]));
        Map<String, Double> p = xy.plinear("a1 * exp(-exp(lrc1) * x) + a2 * exp(-exp(lrc2) * x)")
                .fit("SSbiexp", GrowthStarts.ordered("lrc1", lrc1, "lrc2", lrc2), "a1", "a2");
        return new double[]{p.get("a1"), p.get("lrc1"), p.get("a2"), p.get("lrc2")};
    }

    /**
     * SSfol on the rows in data order (not the means, as R): lKe from the decline between the highest
     * response and the last row, then lKa with lKe held, then both; lCl = lKe + lKa − log(coefficient).
     * Returns lKe, lKa, lCl.
     */
    static double[] fol(double[] dose, double[] input, double[] y) {
        int n = y.length;
        if (n < 4) {
            throw new io.glimmer.error.InputException("SSfol needs at least 4 observations to compute initial values (" + n + ")");
        }
        int peak = 0;
        for (int r = 1; r < n; r++) {
            if (y[r] > y[peak]) {
                peak = r;
            }
        }
        double lKe = peak == n - 1 ? -2.5 : Math.log((Math.log(y[peak]) - Math.log(y[n - 1])) / (input[n - 1] - input[peak]));
        double[] heldKe = new double[n];
        java.util.Arrays.fill(heldKe, lKe);
        Map<String, double[]> columns = Map.of("Dose", dose, "input", input, "lKeHeld", heldKe);
        double lKa = new Plinear("c * (exp(-input * exp(lKeHeld)) - exp(-input * exp(lKa))) * Dose", columns, y)
                .fit("SSfol", Map.of("lKa", lKe + 1), "c").get("lKa");
        Map<String, Double> p = new Plinear("c * (Dose * (exp(-input * exp(lKe)) - exp(-input * exp(lKa)))) / (exp(lKa) - exp(lKe))",
                columns, y).fit("SSfol", GrowthStarts.ordered("lKa", lKa, "lKe", lKe), "c");
        return new double[]{p.get("lKe"), p.get("lKa"), p.get("lKe") + p.get("lKa") - Math.log(p.get("c"))};
    }
}
