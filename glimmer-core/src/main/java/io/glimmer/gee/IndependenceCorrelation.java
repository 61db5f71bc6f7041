package io.glimmer.gee;

/** R = I: the GEE are then the score equations of the ordinary GLM. */
final class IndependenceCorrelation implements WorkingCorrelation {
    @Override
    public int parameters() {
        return 0;
    }

    @Override
    public double correlation(double[] alpha, int pairClass) {
        return 0;
    }

    @Override
    public void gradient(double[] alpha, int pairClass, double[] out) {
    }

    @Override
    public String parameterName(int index) {
        throw new IndexOutOfBoundsException("independence has no correlation parameter");
    }

    @Override
    public double[][] solve(double[] alpha, double[][] b) {
        double[][] x = new double[b.length][];
        for (int i = 0; i < b.length; i++) {
            x[i] = b[i].clone();
        }
        return x;
    }
}
