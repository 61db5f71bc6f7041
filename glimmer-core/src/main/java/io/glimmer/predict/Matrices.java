package io.glimmer.predict;

import io.glimmer.linalg.DenseArrays;
/** The few dense-matrix chores of this package, on plain arrays. */
final class Matrices {
    private Matrices() {
    }

    /** x'Vx. */
    static double quadraticForm(double[][] v, double[] x) {
        double s = 0;
        for (int a = 0; a < x.length; a++) {
            double row = 0;
            for (int b = 0; b < x.length; b++) {
                row += v[a][b] * x[b];
            }
            s += x[a] * row;
        }
        return s;
    }
}
