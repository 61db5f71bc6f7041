package io.glimmer.nonlinear;

/**
 * Random effects b and their spherical coordinates u, b = λu level by level for each term's q × q
 * lower-triangular λ (row-major). PNLS works in u, where the penalty is ‖u‖² and a step is linear.
 */
final class Spherical {
    private Spherical() {
    }

    /** b = λu per level. */
    static double[][] modes(double[][] u, double[][] lambdas, int[] q) {
        double[][] b = new double[u.length][];
        for (int k = 0; k < u.length; k++) {
            int qk = q[k];
            b[k] = new double[u[k].length];
            for (int base = 0; base < u[k].length; base += qk) {
                for (int a = 0; a < qk; a++) {
                    double s = 0;
                    for (int c = 0; c <= a; c++) {
                        s += lambdas[k][a * qk + c] * u[k][base + c];
                    }
                    b[k][base + a] = s;
                }
            }
        }
        return b;
    }

    /**
     * u solving λu = b by forward substitution; where λ has a zero on its diagonal (a variance on its
     * boundary) that coordinate is 0, so b is projected on what λ can reach.
     */
    static double[][] of(double[][] b, double[][] lambdas, int[] q) {
        double[][] u = new double[b.length][];
        for (int k = 0; k < b.length; k++) {
            int qk = q[k];
            u[k] = new double[b[k].length];
            for (int base = 0; base < b[k].length; base += qk) {
                for (int a = 0; a < qk; a++) {
                    double s = b[k][base + a];
                    for (int c = 0; c < a; c++) {
                        s -= lambdas[k][a * qk + c] * u[k][base + c];
                    }
                    double d = lambdas[k][a * qk + a];
                    u[k][base + a] = d > 0 ? s / d : 0;
                }
            }
        }
        return u;
    }
}
