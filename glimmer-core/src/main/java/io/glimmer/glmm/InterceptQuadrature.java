package io.glimmer.glmm;

import io.glimmer.design.LinearPredictor;
import io.glimmer.family.Family;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.Parallel;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Adaptive quadrature for the commonest case, a binomial–logit model with one scalar random
 * intercept (1 | g), without PIRLS's sparse machinery: each level's integral is one-dimensional and
 * independent of the others. Per level, a safeguarded Newton iteration finds the conditional mode
 * b̂ (warm-started), its curvature gives the scale L, and the nodes follow. Rows are kept grouped by
 * level, and exp(η) is factored as e^{η₀}·e^{λb}, so a row costs one exp per evaluation: each Newton
 * step and each node then needs a multiplication per row, and Σ log(1 + e^η) over a level's rows is
 * the logarithm of a product, one log per level and node.
 * <p>
 * It answers only when every η it evaluates at the mode and the nodes stays inside the logit link's
 * clamp (|η| ≤ 30), where the general path computes the same function; otherwise it returns null
 * and the caller takes that path.
 */
final class InterceptQuadrature {
    /** R's logit clamp: beyond it the general path's μ is a constant, not the logistic function. */
    static final double ETA_LIMIT = 30;
    private static final int MAX_NEWTON = 200;
    /** Newton stops when its remaining error is below about this relative to 1 + |b| (PIRLS: 1e-10 on the change). */
    private static final double NEWTON_TOLERANCE = 1e-13;
    /** Levels per parallel chunk: fixed, so that the sum does not depend on the number of threads. */
    static final int LEVEL_CHUNK = 256;
    /** Rows multiplied between rescalings, 16 per partial product: (1 + e^31)^16 < 2^720 stays finite. */
    private static final int RESCALE_ROWS = 64;
    private static final double LN2 = Math.log(2);

    private final int n;
    final int p;
    final int levels;
    final boolean parallel;
    private final QuadratureRule rule;
    /** First row (in level order) of each level, levels + 1 entries. */
    final int[] levelStart;
    /** X, offset (or null), prior weights and w·y, rows in level order. */
    final double[] x;
    private final double[] offset;
    final double[] weight;
    final double[] weightedY;
    /**
     * Trials m = rint(w) and successes s = rint(w·y) of the log-density, rows in level order: the weights'
     * and w·y's own arrays where they are equal row by row (binary rows of weight 1), two arrays fewer to keep.
     */
    final double[] trials;
    final double[] successes;
    /** Per level: Σ log C(m, s), Σ s, Σ w, Σ w·y, and whether every row has one trial (or none). */
    private final double[] levelLogChoose;
    private final double[] levelSuccesses;
    private final double[] levelWeight;
    private final double[] levelWeightedY;
    private final boolean[] levelBinary;
    /** Whether every prior weight w and w·y is a whole number (to rounding): the log-likelihood is then −½ deviance + constant. */
    final boolean wholeCounts;
    /** Per row in level order: η₀ = offset + Xβ, then, in place, e^{η₀ − c} (c a per-level centre). */
    final double[] expFixed;
    /**
     * m·e^{η₀ − c}: in a level of binary rows, e^{η₀ − c} where there is a trial and 0 where there is none;
     * expFixed itself when every row has one trial.
     */
    private final double[] unitTrials;
    /** Per level, refilled by {@link #prepare}: range and centre of η₀, and Σ s η₀. */
    final double[] levelMin;
    final double[] levelMax;
    final double[] levelCentre;
    private final double[] levelSuccessFixed;
    private final double[] chunkTotals;

    /**
     * The result of one evaluation: −2 log-likelihood, the spherical conditional modes and, per level,
     * the information Σ w μ(1 − μ) at its mode (PIRLS's weights there: the level's factor is λ²·it + 1).
     */
    record Result(double deviance, double[] modes, double[] information) {
    }

    private InterceptQuadrature(GlmmData data, Family family, int points) {
        GroupedColumns term = data.terms()[0];
        n = data.rows();
        p = data.p();
        levels = term.levels();
        parallel = data.parallel();
        rule = QuadratureRule.normal(points, 1);
        levelStart = new int[levels + 1];
        int[] codes = term.codes();
        for (int code : codes) {
            levelStart[code + 1]++;
        }
        for (int l = 0; l < levels; l++) {
            levelStart[l + 1] += levelStart[l];
        }
        int[] fill = levelStart.clone();
        int[] order = new int[n];
        for (int r = 0; r < n; r++) {
            order[fill[codes[r]]++] = r;
        }
        x = new double[n * p];
        offset = data.offset() == null ? null : new double[n];
        weight = new double[n];
        weightedY = new double[n];
        double[] trials = new double[n];
        double[] successes = new double[n];
        levelLogChoose = new double[levels];
        levelSuccesses = new double[levels];
        levelWeight = new double[levels];
        levelWeightedY = new double[levels];
        levelBinary = new boolean[levels];
        boolean whole = true;
        for (int l = 0; l < levels; l++) {
            levelBinary[l] = true;
            for (int i = levelStart[l]; i < levelStart[l + 1]; i++) {
                int r = order[i];
                System.arraycopy(data.x(), r * p, x, i * p, p);
                if (offset != null) {
                    offset[i] = data.offset()[r];
                }
                double w = data.weights()[r];
                double y = data.y()[r];
                weight[i] = w;
                weightedY[i] = w * y;
                trials[i] = Math.rint(w);
                successes[i] = trials[i] > 0 ? Math.rint(w * y) : 0;
                // log C(m, s), read off the family's own log-density at μ = 1/2, where the rest is −m log 2
                levelLogChoose[l] += trials[i] > 0 ? family.distribution().logDensity(y, 0.5, w, 1) + trials[i] * LN2 : 0;
                levelSuccesses[l] += successes[i];
                levelWeight[l] += w;
                levelWeightedY[l] += w * y;
                levelBinary[l] &= trials[i] <= 1;
                whole &= !Double.isNaN(family.distribution().saturatedLogDensity(y, w)); // NaN: not whole counts
            }
        }
        wholeCounts = whole;
        this.trials = Arrays.equals(trials, weight) ? weight : trials;
        this.successes = Arrays.equals(successes, weightedY) ? weightedY : successes;
        expFixed = new double[n];
        unitTrials = allOnes(this.trials) ? expFixed : new double[n];
        levelMin = new double[levels];
        levelMax = new double[levels];
        levelCentre = new double[levels];
        levelSuccessFixed = new double[levels];
        chunkTotals = new double[(levels + LEVEL_CHUNK - 1) / LEVEL_CHUNK];
    }

    private static boolean allOnes(double[] values) {
        for (double v : values) {
            if (v != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The evaluator for this model, or null unless it is binomial with the logit link and a single
     * random intercept (1 | g).
     */
    static InterceptQuadrature of(GlmmData data, Family family, int points) {
        if (!family.distribution().name().equals("binomial") || !family.link().name().equals("logit")
                || data.terms().length != 1 || data.terms()[0].q() != 1) {
            return null;
        }
        for (double z : data.terms()[0].z()) {
            if (z != 1) {
                return null;
            }
        }
        return new InterceptQuadrature(data, family, points);
    }

    /**
     * −2 log-likelihood by adaptive quadrature at (λ, β), the modes found by Newton from {@code start}.
     *
     * @param lambda the relative standard deviation of the intercept (λ ≥ 0)
     * @param beta   fixed effects
     * @param start  spherical modes to start from, one per level (not modified)
     * @return the deviance and modes, or null when some η leaves the logit clamp's range (or is not finite)
     */
    Result deviance(double lambda, double[] beta, double[] start) {
        double[] modes = new double[levels];
        double[] information = new double[levels];
        boolean[] failed = new boolean[chunkTotals.length];
        IntConsumer chunk = c -> {
            double s = 0;
            Scratch scratch = new Scratch(rule.size());
            for (int l = c * LEVEL_CHUNK; l < Math.min(levels, (c + 1) * LEVEL_CHUNK) && !failed[c]; l++) {
                double d = level(l, lambda, beta, start[l], modes, information, scratch);
                failed[c] = !Double.isFinite(d);
                s += d;
            }
            chunkTotals[c] = s;
        };
        if (parallel) { // each level's value is the same on any thread
            Parallel.forEach(chunkTotals.length, chunk);
        } else {
            for (int c = 0; c < chunkTotals.length; c++) {
                chunk.accept(c);
            }
        }
        double total = 0;
        for (int c = 0; c < chunkTotals.length; c++) {
            if (failed[c]) {
                return null;
            }
            total += chunkTotals[c];
        }
        return new Result(total, modes, information);
    }

    /** Per-node buffers, one set per chunk of levels. */
    static final class Scratch {
        final double[] shift;
        final double[] logLik;
        final double[] g;

        Scratch(int nodes) {
            shift = new double[nodes];
            logLik = new double[nodes];
            g = new double[nodes];
        }
    }

    /** −2 log L_l for one level, its mode and information written into {@code modes} and {@code informations}; NaN when the fast path does not apply. */
    private double level(int l, double lambda, double[] beta, double start, double[] modes, double[] informations, Scratch scratch) {
        int r0 = levelStart[l];
        int r1 = levelStart[l + 1];
        if (r1 == r0) { // an empty level: its integral is 1
            modes[l] = 0;
            return 0;
        }
        if (!prepare(l, beta)) {
            return Double.NaN;
        }
        double mode;
        double information; // Σ w μ(1 − μ) at the mode
        if (lambda == 0) {
            mode = 0;
            information = information(r0, r1, Math.exp(levelCentre[l]));
        } else {
            double[] found = newton(l, lambda, start);
            if (found == null) {
                return Double.NaN;
            }
            mode = found[0];
            information = found[1];
        }
        modes[l] = mode;
        informations[l] = information;
        double scale = Math.sqrt(lambda * lambda * information + 1); // the level's PIRLS factor L
        double spread = lambda * rule.maxNode() / scale;
        if (!(levelMax[l] + lambda * mode + spread <= ETA_LIMIT && levelMin[l] + lambda * mode - spread >= -ETA_LIMIT)) {
            return Double.NaN;
        }
        for (int k = 0; k < rule.size(); k++) {
            scratch.shift[k] = lambda * (mode + rule.node(k)[0] / scale);
        }
        logLikelihoods(l, scratch);
        double[] a = scratch.logLik;
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < rule.size(); k++) {
            double z = rule.node(k)[0];
            double b = mode + z / scale;
            a[k] += -b * b / 2 + z * z / 2;
            best = Math.max(best, a[k]);
        }
        double sum = 0;
        for (int k = 0; k < rule.size(); k++) {
            sum += rule.weight(k) * Math.exp(a[k] - best);
        }
        return -2 * (best + Math.log(sum)) + Math.log(scale * scale);
    }

    /**
     * η₀ = offset + Xβ over the level's rows, its range, and e^{η₀ − c} with c the centre of the
     * range; false when the range is wider than the clamp allows (no η of the level could all be inside).
     */
    boolean prepare(int l, double[] beta) {
        int r0 = levelStart[l];
        int r1 = levelStart[l + 1];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double successFixed = 0;
        for (int i = r0; i < r1; i++) {
            double s = LinearPredictor.row(x, p, i, beta, offset == null ? 0 : offset[i]);
            expFixed[i] = s;
            min = Math.min(min, s);
            max = Math.max(max, s);
            successFixed += successes[i] * s;
        }
        levelMin[l] = min;
        levelMax[l] = max;
        levelSuccessFixed[l] = successFixed;
        if (!(max - min <= 2 * ETA_LIMIT)) {
            return false;
        }
        // e^η = e^{η₀ − c} · e^{c + λb}: the first stays within e^{±30}; Newton keeps the second within e^{±62}
        double centre = (min + max) / 2;
        levelCentre[l] = centre;
        for (int i = r0; i < r1; i++) {
            expFixed[i] = Math.exp(expFixed[i] - centre);
            if (unitTrials != expFixed) {
                unitTrials[i] = trials[i] * expFixed[i];
            }
        }
        return true;
    }

    /**
     * The binomial log-likelihood Σ log C(m, s) + s η − m log(1 + e^η) of level l's rows at
     * η = η₀ + shift_k for each shift in {@code scratch.shift}, into {@code scratch.logLik}, after {@link #prepare}.
     */
    void logLikelihoods(int l, Scratch scratch) {
        int r0 = levelStart[l];
        int r1 = levelStart[l + 1];
        int nodes = scratch.shift.length;
        for (int k = 0; k < nodes; k++) {
            scratch.g[k] = Math.exp(levelCentre[l] + scratch.shift[k]);
        }
        if (levelBinary[l]) {
            binarySoftplus(r0, r1, scratch);
        } else {
            softplus(r0, r1, scratch);
        }
        for (int k = 0; k < nodes; k++) {
            scratch.logLik[k] = levelLogChoose[l] + levelSuccessFixed[l] + scratch.shift[k] * levelSuccesses[l] - scratch.logLik[k];
        }
    }

    /**
     * The mode of the level's penalised deviance ½Σ dev + b²/2 (what PIRLS minimises) and the
     * information Σ w μ(1 − μ) there, by Newton's method kept inside a bracket of the root of the
     * increasing gradient λ Σ w(μ − y) + b; null if the bracket leaves the range where every η of the
     * level is within ±31 (the fast path does not apply then).
     */
    double[] newton(int l, double lambda, double start) {
        int r0 = levelStart[l];
        int r1 = levelStart[l + 1];
        double min = levelMin[l];
        double max = levelMax[l];
        double centre = levelCentre[l];
        // the root lies in [−λ Σ w(1 − y), λ Σ w y]; keep only b where every η stays within ±(30 + 1)
        double lo = Math.max(-lambda * (levelWeight[l] - levelWeightedY[l]), (-ETA_LIMIT - 1 - min) / lambda);
        double hi = Math.min(lambda * levelWeightedY[l], (ETA_LIMIT + 1 - max) / lambda);
        if (!(lo <= hi)) {
            return null;
        }
        double b = Math.min(hi, Math.max(lo, start));
        for (int it = 0; it < MAX_NEWTON; it++) {
            double g = Math.exp(centre + lambda * b);
            double fitted = 0; // Σ w μ
            double information = 0; // Σ w μ(1 − μ)
            double skew = 0; // Σ w μ(1 − μ)(1 − 2μ), the information's derivative in η
            for (int i = r0; i < r1; i++) {
                double t = expFixed[i] * g; // e^η, within e^{±93}
                double q = 1 / (1 + t); // 1 − μ
                double mu = t * q;
                double v = weight[i] * mu * q;
                fitted += weight[i] * mu;
                information += v;
                skew += v * (1 - 2 * mu);
            }
            double gradient = lambda * (fitted - levelWeightedY[l]) + b;
            double curvature = lambda * lambda * information + 1;
            if (gradient > 0) {
                hi = b;
            } else if (gradient < 0) {
                lo = b;
            }
            double step = -gradient / curvature;
            // Newton's error after this step is at most (λ/2)·step² (the third derivative is below λ times the
            // second): once that is negligible, take the step and carry the information along to first order.
            if (step * step * (1 + lambda) <= NEWTON_TOLERANCE * (1 + Math.abs(b))) {
                return new double[]{b + step, information + lambda * step * skew};
            }
            double next = b + step;
            if (!(next > lo && next < hi)) { // Newton left the bracket: bisect instead
                next = (lo + hi) / 2;
                if (next == b) {
                    return gradient == 0 ? new double[]{b, information} : null;
                }
            }
            b = next;
        }
        return null;
    }

    /** Σ w μ(1 − μ) over rows [r0, r1) at η = η₀ (λ = 0), given e^c. */
    private double information(int r0, int r1, double g) {
        double information = 0;
        for (int i = r0; i < r1; i++) {
            double t = expFixed[i] * g;
            information += weight[i] * t / ((1 + t) * (1 + t));
        }
        return information;
    }

    /**
     * Σ log(1 + e^η) per node over rows [r0, r1) of one trial each (or none) into scratch.logLik,
     * e^η = e^{η₀ − c}·g_k: the log of a product, taken over the rows in four interleaved partial
     * products (independent multiplications) that are rescaled by powers of two every block of rows.
     */
    private void binarySoftplus(int r0, int r1, Scratch scratch) {
        for (int k = 0; k < scratch.g.length; k++) {
            double g = scratch.g[k];
            double mantissa = 1;
            int exponent = 0;
            for (int start = r0; start < r1; start += RESCALE_ROWS) {
                int end = Math.min(r1, start + RESCALE_ROWS);
                double p0 = 1;
                double p1 = 1;
                double p2 = 1;
                double p3 = 1;
                int i = start;
                for (; i + 3 < end; i += 4) { // a row without trials has t = 0: a factor of 1
                    p0 *= 1 + unitTrials[i] * g;
                    p1 *= 1 + unitTrials[i + 1] * g;
                    p2 *= 1 + unitTrials[i + 2] * g;
                    p3 *= 1 + unitTrials[i + 3] * g;
                }
                for (; i < end; i++) {
                    p0 *= 1 + unitTrials[i] * g;
                }
                int e0 = Math.getExponent(p0);
                int e1 = Math.getExponent(p1);
                int e2 = Math.getExponent(p2);
                int e3 = Math.getExponent(p3);
                // each scaled partial product is in [1, 2), so the running product stays below 32
                mantissa *= Math.scalb(p0, -e0) * Math.scalb(p1, -e1) * Math.scalb(p2, -e2) * Math.scalb(p3, -e3);
                int e = Math.getExponent(mantissa);
                mantissa = Math.scalb(mantissa, -e);
                exponent += e0 + e1 + e2 + e3 + e;
            }
            scratch.logLik[k] = Math.log(mantissa) + exponent * LN2;
        }
    }

    /** Σ m log(1 + e^η) per node over rows [r0, r1) with any number of trials m, into scratch.logLik. */
    private void softplus(int r0, int r1, Scratch scratch) {
        int nodes = scratch.g.length;
        for (int k = 0; k < nodes; k++) {
            double g = scratch.g[k];
            double s = 0;
            for (int i = r0; i < r1; i++) {
                if (trials[i] > 0) {
                    s += trials[i] * Math.log(1 + expFixed[i] * g);
                }
            }
            scratch.logLik[k] = s;
        }
    }
}
