package io.glimmer.ddf;

/** lmerTest's doolittle: the LU factorisation A = LU (L unit lower triangular) without pivoting, tiny entries set to 0. */
final class Doolittle {
    /** lmerTest's eps: pivots and entries smaller than this are zero. */
    private static final double EPS = 1e-6;

    private Doolittle() {
    }

    /** L of the factorisation of a square matrix. */
    static double[][] lower(double[][] x) {
        int n = x.length;
        double[][] l = new double[n][n];
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            l[i][i] = 1;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                u[i][j] = x[i][j];
                for (int k = 0; k < i; k++) {
                    u[i][j] -= l[i][k] * u[k][j];
                }
            }
            for (int j = i + 1; j < n; j++) {
                l[j][i] = x[j][i];
                for (int k = 0; k < i; k++) {
                    l[j][i] -= l[j][k] * u[k][i];
                }
                l[j][i] = Math.abs(u[i][i]) < EPS ? 0 : l[j][i] / u[i][i];
            }
        }
        for (double[] row : l) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(row[j]) < EPS) {
                    row[j] = 0;
                }
            }
        }
        return l;
    }
}
