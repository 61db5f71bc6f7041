package io.glimmer.optim;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * The gradient and Hessian restricted to the coordinates not held on their lower bound (one lying
 * within 1e-6 of it whose gradient pushes it further down is held).
 *
 * @param free    the free coordinates' indices
 * @param g       the gradient over them
 * @param hessian the Hessian over them
 */
record FreeCoordinates(List<Integer> free, double[] g, RealMatrix hessian) {

    static FreeCoordinates of(FiniteDifferences d, double[] x, double[] lower) {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] - lower[i] < 1e-6 && d.gradient()[i] > 0)) {
                free.add(i);
            }
        }
        int k = free.size();
        RealMatrix h = MatrixUtils.createRealMatrix(Math.max(k, 1), Math.max(k, 1));
        double[] g = new double[k];
        for (int a = 0; a < k; a++) {
            g[a] = d.gradient()[free.get(a)];
            for (int b = 0; b < k; b++) {
                h.setEntry(a, b, d.hessian()[free.get(a)][free.get(b)]);
            }
        }
        return new FreeCoordinates(List.copyOf(free), g, h);
    }

    int size() {
        return free.size();
    }
}
