package io.glimmer.gee;

/**
 * A free correlation for every pair of positions (j, k) up to the largest cluster size m, ordered
 * as geepack's genZcor orders them: (1,2), (1,3), …, (1,m), (2,3), …, (m−1,m).
 */
final class UnstructuredCorrelation implements WorkingCorrelation {
    private final int maxSize;

    UnstructuredCorrelation(int maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public int parameters() {
        return maxSize * (maxSize - 1) / 2;
    }

    @Override
    public int pairClasses(int maxSize) {
        return parameters();
    }

    /** Index of pair j &lt; k (0-based) in the row-major upper triangle: each pair is its own class. */
    @Override
    public int pairClass(int j, int k) {
        return j * maxSize - j * (j + 1) / 2 + (k - j - 1);
    }

    @Override
    public double correlation(double[] alpha, int pairClass) {
        return alpha[pairClass];
    }

    @Override
    public void gradient(double[] alpha, int pairClass, double[] out) {
        java.util.Arrays.fill(out, 0);
        out[pairClass] = 1;
    }

    @Override
    public String parameterName(int index) {
        for (int j = 0; j < maxSize; j++) {
            for (int k = j + 1; k < maxSize; k++) {
                if (pairClass(j, k) == index) {
                    return "alpha." + (j + 1) + ":" + (k + 1);
                }
            }
        }
        throw new IndexOutOfBoundsException("no correlation parameter " + index);
    }
}
