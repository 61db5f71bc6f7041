package io.glimmer.predict;

/** The few dense-matrix chores of this package, on plain arrays. */
final class Matrices {
    private Matrices() {
    }

    static double[][] copy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
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
