package io.glimmer.correlation;

import io.glimmer.data.DataFrame;
import io.glimmer.data.DataFrameBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Small repeated-measures data for checking likelihoods: subjects nested in schools, 3–8 rows per
 * subject, times with gaps (integers) or continuous, and the rows shuffled so that no code may
 * assume a group's rows are contiguous or sorted by time.
 */
final class SimulatedData {
    static final int SUBJECTS = 12;
    static final int SCHOOLS = 4;

    final double[] y;
    final double[] x;
    final double[] time;
    final double[] weight;
    final int[] subject;
    final int[] school;
    final DataFrame frame;

    /**
     * @param continuousTime continuous times (for exp) instead of integers with gaps
     * @param withinCorr     AR(1)-like correlation of the simulated residuals
     */
    SimulatedData(long seed, boolean continuousTime, double withinCorr) {
        Random rnd = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int s = 0; s < SUBJECTS; s++) {
            int m = 3 + rnd.nextInt(6);
            double b0 = 0.8 * rnd.nextGaussian();
            double b1 = 0.3 * rnd.nextGaussian();
            double c = 0.5 * ((s % SCHOOLS) - 1.5);
            double t = 1 + rnd.nextInt(3);
            double e = rnd.nextGaussian();
            for (int a = 0; a < m; a++) {
                double xv = rnd.nextGaussian();
                e = withinCorr * e + Math.sqrt(1 - withinCorr * withinCorr) * rnd.nextGaussian();
                double yv = 1 + 0.5 * xv + b0 + b1 * xv + c + 0.7 * e;
                rows.add(new double[]{yv, xv, t, 0.5 + 1.5 * rnd.nextDouble(), s, s % SCHOOLS});
                t += continuousTime ? 0.2 + 1.3 * rnd.nextDouble() : 1 + (rnd.nextInt(3) == 0 ? 1 : 0);
            }
        }
        Collections.shuffle(rows, rnd);
        int n = rows.size();
        y = new double[n];
        x = new double[n];
        time = new double[n];
        weight = new double[n];
        subject = new int[n];
        school = new int[n];
        String[] subjectNames = new String[n];
        String[] schoolNames = new String[n];
        for (int r = 0; r < n; r++) {
            double[] v = rows.get(r);
            y[r] = v[0];
            x[r] = v[1];
            time[r] = v[2];
            weight[r] = v[3];
            subject[r] = (int) v[4];
            school[r] = (int) v[5];
            subjectNames[r] = String.format("s%02d", subject[r]);
            schoolNames[r] = "k" + school[r];
        }
        frame = DataFrameBuilder.named("simulated").numeric("y", y).numeric("x", x).numeric("t", time)
                .numeric("w", weight).categorical("subject", subjectNames).categorical("school", schoolNames).build();
    }

    int rows() {
        return y.length;
    }
}
