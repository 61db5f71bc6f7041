package io.glimmer.report.plot;

/**
 * Points counted in a grid of equal rectangles, for scatter plots with more points than a picture
 * can show one by one. Bin (i, j) holds x in [xEdges[i], xEdges[i+1]) and y likewise, the last bin
 * closed; non-finite points are not counted (see {@link #outside()}).
 */
public record Bins2D(double[] xEdges, double[] yEdges, int[][] counts, int outside) {
    public Bins2D {
        xEdges = xEdges.clone();
        yEdges = yEdges.clone();
        int[][] c = new int[counts.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].clone();
        }
        counts = c;
    }

    public static Bins2D of(double[] x, double[] y, int nx, int ny) {
        double[] xe = edges(x, nx);
        double[] ye = edges(y, ny);
        int[][] counts = new int[nx][ny];
        int outside = 0;
        for (int r = 0; r < x.length; r++) {
            if (!Double.isFinite(x[r]) || !Double.isFinite(y[r])) {
                outside++;
                continue;
            }
            counts[bin(xe, x[r])][bin(ye, y[r])]++;
        }
        return new Bins2D(xe, ye, counts, outside);
    }

    /** nb equal bins over the finite range (a range of width zero widened by one either side). */
    static double[] edges(double[] v, int nb) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            if (Double.isFinite(a)) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        double[] e = new double[nb + 1];
        for (int i = 0; i <= nb; i++) {
            e[i] = lo + (hi - lo) * i / nb;
        }
        e[nb] = hi;
        return e;
    }

    /** The bin of a finite value inside the edges. */
    static int bin(double[] edges, double v) {
        int nb = edges.length - 1;
        int i = (int) ((v - edges[0]) / (edges[nb] - edges[0]) * nb);
        i = Math.max(0, Math.min(nb - 1, i));
        // floating point can put a value on the wrong side of an edge: step to the bin that holds it
        while (i > 0 && v < edges[i]) {
            i--;
        }
        while (i < nb - 1 && v >= edges[i + 1]) {
            i++;
        }
        return i;
    }

    @Override
    public double[] xEdges() {
        return xEdges.clone();
    }

    @Override
    public double[] yEdges() {
        return yEdges.clone();
    }

    public int count(int i, int j) {
        return counts[i][j];
    }

    public int nx() {
        return counts.length;
    }

    public int ny() {
        return counts[0].length;
    }

    @Override
    public int[][] counts() {
        return new Bins2D(xEdges, yEdges, counts, outside).counts;
    }
}
