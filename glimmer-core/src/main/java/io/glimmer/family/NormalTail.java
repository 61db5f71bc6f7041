package io.glimmer.family;

/**
 * The standard normal upper tail Q(x) = 1 − Φ(x) to about 1e-14 relative accuracy for |x| < 10
 * (1e-13 to |x| = 20 and 1e-11 beyond, where the series' rounding grows like e^{|x|/2}), several times faster than the incomplete-gamma route of {@link FamilyMath#pnorm}: Q = R(x)·φ(x) with
 * Mills' ratio R(x) = Q(x)/φ(x) expanded in a Taylor series about the nearest whole number z. R
 * solves R' = zR − 1, so its Taylor coefficients follow c₀ = R(z), c₁ = zR(z) − 1,
 * c_{n+1} = (z c_n + c_{n−1})/(n + 1) (Marsaglia's scheme, J. Stat. Software 11(4), 2004); R at
 * the whole numbers is tabulated once, R(0) = √(π/2) and the others by Laplace's continued
 * fraction R(z) = 1/(z + 1/(z + 2/(z + 3/(z + …)))), evaluated from deep inside. For the cumulative
 * probit model, whose every Newton step needs several Φ per row.
 */
final class NormalTail {
    /** φ underflows beyond this: Q is 0 to double precision. */
    private static final int LAST = 38;
    private static final double[] MILLS = new double[LAST + 1];
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final int TERMS = 60;
    /** 1/(n + 1): the recurrence multiplies instead of dividing. */
    private static final double[] RECIPROCAL = new double[TERMS];

    static {
        for (int n = 0; n < TERMS; n++) {
            RECIPROCAL[n] = 1.0 / (n + 1);
        }
        MILLS[0] = Math.sqrt(Math.PI / 2);
        for (int z = 1; z <= LAST; z++) {
            double t = z;
            for (int k = 20_000; k >= 1; k--) { // converges like exp(−2z√k): far below rounding at z = 1
                t = z + k / t;
            }
            MILLS[z] = 1 / t;
        }
    }

    private NormalTail() {
    }

    /** Q(x) = P(Z > x). */
    static double upper(double x) {
        return x >= 0 ? tail(x) : 1 - tail(-x);
    }

    /** Φ(x) = P(Z ≤ x). */
    static double cdf(double x) {
        return x <= 0 ? tail(-x) : 1 - tail(x);
    }

    /** Q(x) for x ≥ 0. */
    private static double tail(double x) {
        if (x > LAST + 0.5) {
            return 0;
        }
        int z = (int) Math.rint(x);
        double h = x - z; // |h| ≤ 1/2
        double previous = MILLS[z];
        double current = z * previous - 1;
        double sum = previous + current * h;
        double power = h;
        for (int n = 1; n < TERMS; n++) {
            double next = (z * current + previous) * RECIPROCAL[n];
            power *= h;
            double s = sum + next * power;
            if (s == sum) {
                break;
            }
            sum = s;
            previous = current;
            current = next;
        }
        return sum * Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
    }
}
