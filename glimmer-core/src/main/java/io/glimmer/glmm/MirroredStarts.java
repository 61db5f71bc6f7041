package io.glimmer.glmm;

/**
 * PIRLS starts for the finite differences of the Hessian, which come in mirrored pairs x* + d,
 * x* − d around the optimum x* = (θ*, β*). The random effects u = Λb are smooth in (θ, β), so at
 * x* − d they are 2u* − u(x* + d) up to O(|d|²), where u* alone leaves an O(|d|) error: every
 * second point starts one quadratic PIRLS step closer to its mode.
 */
final class MirroredStarts {
    /** Mirror images agree to rounding of x* ± d, far below the step d itself. */
    private static final double MIRROR_TOLERANCE = 1e-12;

    /** A start: modes b and the Λ they belong to. */
    record Start(double[][] b, double[][] lambda) {
    }

    private final double[] center;
    private final Start atCenter;
    private final double[][] identity;
    private final double[][] uCenter;
    private double[] lastX;
    private double[][] lastU;

    MirroredStarts(double[] center, double[][] modes, double[][] lambdas) {
        this.center = center.clone();
        this.atCenter = new Start(Pirls.copy(modes), Pirls.copy(lambdas));
        this.identity = new double[lambdas.length][];
        for (int k = 0; k < lambdas.length; k++) {
            int q = (int) Math.round(Math.sqrt(lambdas[k].length));
            identity[k] = new double[q * q];
            for (int a = 0; a < q; a++) {
                identity[k][a * q + a] = 1;
            }
        }
        this.uCenter = WarmStart.rescale(modes, lambdas, identity);
    }

    /** The start for the point x: mirrored from the previous point when x is its image, else the optimum's modes. */
    Start startFor(double[] x) {
        if (lastX == null || !mirrors(x, lastX)) {
            return atCenter;
        }
        double[][] u = new double[uCenter.length][];
        for (int k = 0; k < u.length; k++) {
            u[k] = new double[uCenter[k].length];
            for (int i = 0; i < u[k].length; i++) {
                u[k][i] = 2 * uCenter[k][i] - lastU[k][i];
            }
        }
        return new Start(u, identity); // Λ = I: b is u, which WarmStart maps into the new Λ
    }

    /** The modes found at x (null when PIRLS failed there). */
    void found(double[] x, double[][] b, double[][] lambda) {
        lastX = b == null ? null : x.clone();
        lastU = b == null ? null : WarmStart.rescale(b, lambda, identity);
    }

    private boolean mirrors(double[] x, double[] previous) {
        boolean moved = false;
        for (int i = 0; i < x.length; i++) {
            double scale = 1 + Math.abs(center[i]);
            if (Math.abs(x[i] + previous[i] - 2 * center[i]) > MIRROR_TOLERANCE * scale) {
                return false;
            }
            moved |= Math.abs(x[i] - center[i]) > MIRROR_TOLERANCE * scale;
        }
        return moved;
    }
}
