package io.glimmer.linalg;

/** Chores on plain {@code double[][]} matrices that results and estimators share. */
public final class DenseArrays {
    private DenseArrays() {
    }

    /** A deep copy (each row cloned), or null for null: results hand out copies, never their own rows. */
    public static double[][] copy(double[][] a) {
        if (a == null) {
            return null;
        }
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
