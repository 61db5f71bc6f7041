package io.glimmer.report.plot;

import io.glimmer.fit.ConditionalModes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One random effect's caterpillar plot, lattice's {@code dotplot(ranef(fit, condVar = TRUE))}: each
 * level's conditional mode with its prediction interval mode ± z·√(conditional variance), sorted by
 * the mode. With more levels than can be read, only the lowest and highest {@code shown / 2} are kept,
 * and {@link #density()} shows all of them.
 *
 * @param levels   the levels drawn, by increasing mode
 * @param lower    interval bounds (NaN when the fit has no conditional variances)
 * @param total    levels of the factor
 * @param density  the density of every level's mode when only the extremes are drawn, else null
 */
public record Caterpillar(String group, String term, double confidence, List<String> levels, double[] modes, double[] lower,
                          double[] upper, int total, Density density) {
    /** Levels drawn in full; past this, the extremes and a density. */
    public static final int MAX_LEVELS = 120;

    public Caterpillar {
        levels = List.copyOf(levels);
        modes = modes.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /** Every random effect of every grouping factor, 95% intervals. */
    public static List<Caterpillar> all(PlotSource source) {
        source.requireModes("caterpillar");
        List<Caterpillar> out = new ArrayList<>();
        for (ConditionalModes m : source.fit().conditionalModes()) {
            for (int t = 0; t < m.terms().size(); t++) {
                out.add(of(m, t, 0.95, MAX_LEVELS));
            }
        }
        return out;
    }

    public static Caterpillar of(ConditionalModes m, int term, double confidence, int maxLevels) {
        int n = m.levels().size();
        double[] all = new double[n];
        for (int l = 0; l < n; l++) {
            all[l] = m.value(l, term);
        }
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(l -> all[l])).mapToInt(Integer::intValue).toArray();
        int[] shown = order;
        Density density = null;
        if (n > maxLevels) {
            int half = maxLevels / 2;
            shown = new int[2 * half];
            System.arraycopy(order, 0, shown, 0, half);
            System.arraycopy(order, n - half, shown, half, half);
            density = Density.gaussianKernel(all, 256);
        }
        List<String> levels = new ArrayList<>(shown.length);
        double[] modes = new double[shown.length];
        double[] lower = new double[shown.length];
        double[] upper = new double[shown.length];
        for (int i = 0; i < shown.length; i++) {
            int l = shown[i];
            levels.add(m.levels().get(l));
            modes[i] = all[l];
            double[] pi = m.predictionInterval(l, term, confidence);
            lower[i] = pi[0];
            upper[i] = pi[1];
        }
        return new Caterpillar(m.group(), m.terms().get(term), confidence, levels, modes, lower, upper, n, density);
    }

    /** Whether only the extremes are drawn. */
    public boolean extremesOnly() {
        return density != null;
    }

    @Override
    public double[] modes() {
        return modes.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public String toString() {
        return "Caterpillar[" + term + " | " + group + ", " + levels.size() + " of " + total + " levels, " + Arrays.toString(modes) + "]";
    }
}
