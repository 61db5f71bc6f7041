package io.glimmer.summary;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sample quantiles by R's default definition (type 7: linear interpolation of order statistics); public for the
 * report's plots. The order statistics are found by selection, not by sorting: a 2,000,000-row fit's summary
 * needs ten of them, and they are the same numbers a sort gives (ordered as Double.compare orders, -0 before 0).
 */
public final class Quantiles {
    private Quantiles() {
    }

    /** The quantiles at probabilities {@code probs} of the finite values of {@code x}; NaN when there are none. */
    public static double[] type7(double[] x, double... probs) {
        double[] s = new double[x.length];
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                s[n++] = v;
            }
        }
        double[] q = new double[probs.length];
        if (n == 0) {
            Arrays.fill(q, Double.NaN);
            return q;
        }
        // The order statistics needed, selected in increasing order: each selection leaves the values above its
        // index to the right of it, so the next one looks only there.
        TreeMap<Integer, Double> order = new TreeMap<>();
        for (double p : probs) {
            int lo = (int) Math.floor((n - 1) * p);
            order.put(lo, null);
            order.put(Math.min(lo + 1, n - 1), null);
        }
        int left = 0;
        for (Map.Entry<Integer, Double> e : order.entrySet()) {
            int k = e.getKey();
            e.setValue(select(s, left, n, k));
            left = k;
        }
        for (int k = 0; k < probs.length; k++) {
            double h = (n - 1) * probs[k];
            int lo = (int) Math.floor(h);
            double frac = h - lo;
            double low = order.get(lo);
            q[k] = frac == 0 ? low : low + frac * (order.get(Math.min(lo + 1, n - 1)) - low);
        }
        return q;
    }

    /**
     * The value at index k of s[0, n) sorted, where s[from, n) holds the values from index from on. Hoare's
     * selection, in place: it leaves every value below index k before it and every value above after it.
     */
    private static double select(double[] s, int from, int n, int k) {
        if (k == from) {
            int min = from; // the smallest: one pass, moved to k
            for (int i = from + 1; i < n; i++) {
                if (less(s[i], s[min])) {
                    min = i;
                }
            }
            double t = s[k];
            s[k] = s[min];
            s[min] = t;
            return s[k];
        }
        int left = from;
        int right = n - 1;
        while (right > left) {
            double pivot = median(s[left], s[(left + right) >>> 1], s[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (less(s[i], pivot)) {
                    i++;
                }
                while (less(pivot, s[j])) {
                    j--;
                }
                if (i <= j) {
                    double t = s[i];
                    s[i++] = s[j];
                    s[j--] = t;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return s[k]; // between the two parts: equal to the pivot
            }
        }
        return s[k];
    }

    private static double median(double a, double b, double c) {
        return less(a, b) ? (less(b, c) ? b : less(a, c) ? c : a) : (less(a, c) ? a : less(b, c) ? c : b);
    }

    /** Double.compare's order without NaN: -0 before 0. */
    private static boolean less(double a, double b) {
        return a < b || (a == b && Double.doubleToRawLongBits(a) < Double.doubleToRawLongBits(b));
    }
}
