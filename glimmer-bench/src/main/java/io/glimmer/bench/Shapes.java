package io.glimmer.bench;

import io.glimmer.options.FitOptions;
import io.glimmer.options.Method;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The six benchmark shapes of the performance work, each a seeded generator (the same data on
 * every machine and JDK: {@link SplittableRandom} and our own normal and Poisson draws, values
 * rounded to 4 decimals so the CSV text reads back to exactly the same doubles), a formula, a
 * family and a method. R (lme4) and Glimmer fit the same CSV file.
 *
 * <ul>
 *   <li>a: InstEval-like linear model, 73,000 rows, crossed s (3,000) × d (1,100, nested in dept) × dept (14), 2-level service; REML</li>
 *   <li>b: VerbAgg-like binary model, 7,584 rows, crossed id (316) × item (24), five fixed terms; Laplace</li>
 *   <li>c: binary, 200,000 rows, 5,000 clusters, correlated random intercept and slope, three covariates; Laplace</li>
 *   <li>d: as c with a random intercept only; adaptive Gauss–Hermite quadrature with 9 points</li>
 *   <li>e: Poisson, 100,000 rows, crossed a (1,000) × b (400); Laplace</li>
 *   <li>f: linear, 2,000,000 rows, 50,000 clusters, correlated random intercept and slope; REML</li>
 * </ul>
 */
public final class Shapes {
    /**
     * What to fit and how.
     *
     * @param name        the shape's letter, also the CSV's base name
     * @param title       a few words for tables
     * @param rows        number of rows generated
     * @param formula     lme4 syntax, the same text for lme4 and Glimmer
     * @param family      "gaussian", "binomial" or "poisson"
     * @param method      REML, Laplace or AGQ
     * @param agqPoints   quadrature points for AGQ, else 1 (lme4's nAGQ)
     * @param factors     the categorical columns
     */
    public record Spec(String name, String title, int rows, String formula, String family, Method method, int agqPoints,
                       List<String> factors, Supplier<BenchData> generator) {
        /** Glimmer's options for this shape. */
        public FitOptions options() {
            FitOptions.Builder b = FitOptions.builder().method(method).factors(new java.util.LinkedHashSet<>(factors));
            if (!family.equals("gaussian")) {
                b.family(family);
            }
            if (method == Method.AGQ) {
                b.agqPoints(agqPoints);
            }
            return b.build();
        }

        public BenchData generate() {
            return generator.get();
        }

        /** key=value lines that bench/fit-lme4.R reads (so the formula lives in one place). */
        public String specText() {
            return "name=" + name + "\ntitle=" + title + "\nrows=" + rows + "\nformula=" + formula + "\nfamily=" + family
                    + "\nmethod=" + method.label() + "\nnAGQ=" + agqPoints + "\nfactors=" + String.join(",", factors) + "\n";
        }

        public Path csv(Path dir) {
            return dir.resolve(name + ".csv");
        }

        public Path specFile(Path dir) {
            return dir.resolve(name + ".spec");
        }

        /** Writes {@code <name>.spec} and {@code <name>.csv} into dir. */
        public void write(Path dir) {
            writeSpec(dir);
            generate().writeCsv(csv(dir));
        }

        public void writeSpec(Path dir) {
            try {
                Files.createDirectories(dir);
                Files.writeString(specFile(dir), specText(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + specFile(dir), e);
            }
        }
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        add(new Spec("a", "LMM crossed 3000x1100x14 (InstEval-like)", 73_000,
                "y ~ service + (1 | s) + (1 | d) + (1 | dept)", "gaussian", Method.REML, 1, List.of("s", "d", "dept", "service"), Shapes::instEvalLike));
        add(new Spec("b", "binary crossed 316x24 (VerbAgg-like)", 316 * 24,
                "y ~ anger + gender + btype + situ + mode + (1 | id) + (1 | item)", "binomial", Method.LAPLACE, 1,
                List.of("id", "item", "gender", "btype", "situ", "mode"), Shapes::verbAggLike));
        add(new Spec("c", "binary 200k rows, 5000 clusters, slope", 200_000,
                "y ~ x1 + x2 + x3 + (1 + x1 | g)", "binomial", Method.LAPLACE, 1, List.of("g"), () -> clusteredBinary("c", true, 3003)));
        add(new Spec("d", "binary 200k rows, 5000 clusters, AGQ 9", 200_000,
                "y ~ x1 + x2 + x3 + (1 | g)", "binomial", Method.AGQ, 9, List.of("g"), () -> clusteredBinary("d", false, 4004)));
        add(new Spec("e", "Poisson crossed 1000x400, 100k rows", 100_000,
                "y ~ x + (1 | a) + (1 | b)", "poisson", Method.LAPLACE, 1, List.of("a", "b"), Shapes::poissonCrossed));
        add(new Spec("f", "LMM 2M rows, 50000 clusters, slope", 2_000_000,
                "y ~ x + (1 + x | g)", "gaussian", Method.REML, 1, List.of("g"), Shapes::bigLongitudinal));
    }

    private Shapes() {
    }

    private static void add(Spec s) {
        SPECS.put(s.name(), s);
    }

    /** The shape letters, a to f. */
    public static List<String> names() {
        return List.copyOf(SPECS.keySet());
    }

    /** The shape of a letter (case-insensitive); an IllegalArgumentException naming the shapes otherwise. */
    public static Spec spec(String name) {
        Spec s = SPECS.get(name.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown shape '" + name + "' (shapes: " + String.join(", ", SPECS.keySet()) + ")");
        }
        return s;
    }

    // ---------------------------------------------------------------- generators

    /** y ~ service + (1|s) + (1|d) + (1|dept): students s, lecturers d nested in departments, crossed with s. */
    static BenchData instEvalLike() {
        int n = 73_000;
        int nS = 3000;
        int nD = 1100;
        int nDept = 14;
        SplittableRandom rng = new SplittableRandom(1001);
        double[] uS = normals(rng, nS, 0.32);
        double[] uD = normals(rng, nD, 0.52);
        double[] uDept = normals(rng, nDept, 0.08);
        int[] deptOfD = new int[nD];
        for (int i = 0; i < nD; i++) {
            deptOfD[i] = i < nDept ? i : rng.nextInt(nDept); // every department has a lecturer
        }
        int[] s = new int[n];
        int[] d = new int[n];
        int[] dept = new int[n];
        int[] service = new int[n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            s[r] = cover(rng, r, nS);
            d[r] = r < nD ? r : skewed(rng, nD);
            dept[r] = deptOfD[d[r]];
            service[r] = r < 2 ? r : (rng.nextDouble() < 0.42 ? 1 : 0);
            y[r] = round4(3.2 - 0.07 * service[r] + uS[s[r]] + uD[d[r]] + uDept[dept[r]] + 1.18 * normal(rng));
        }
        return new BenchData("a", n)
                .numeric("y", y)
                .categorical("service", service, new String[]{"no", "yes"})
                .categorical("s", s, labels("s", nS))
                .categorical("d", d, labels("d", nD))
                .categorical("dept", dept, labels("dept", nDept));
    }

    /** Every person answers every item; person covariates anger and gender, item covariates btype, situ and mode. */
    static BenchData verbAggLike() {
        int nId = 316;
        int nItem = 24;
        int n = nId * nItem;
        SplittableRandom rng = new SplittableRandom(2002);
        double[] uId = normals(rng, nId, 1.3);
        double[] uItem = normals(rng, nItem, 0.5);
        double[] angerOf = new double[nId];
        int[] genderOf = new int[nId];
        for (int i = 0; i < nId; i++) {
            angerOf[i] = Math.max(11, Math.min(39, Math.round(20 + 4.9 * normal(rng))));
            genderOf[i] = i < 2 ? i : (rng.nextDouble() < 0.23 ? 1 : 0);
        }
        int[] btypeOf = new int[nItem];
        int[] situOf = new int[nItem];
        int[] modeOf = new int[nItem];
        for (int j = 0; j < nItem; j++) { // as VerbAgg: 2 situations x 2 modes x 3 behaviours, 2 items each
            situOf[j] = j / 12;
            modeOf[j] = (j / 6) % 2;
            btypeOf[j] = (j / 2) % 3;
        }
        double[] bBtype = {0, -1.06, -2.1};
        double[] y = new double[n];
        double[] anger = new double[n];
        int[] id = new int[n];
        int[] item = new int[n];
        int[] gender = new int[n];
        int[] btype = new int[n];
        int[] situ = new int[n];
        int[] mode = new int[n];
        int r = 0;
        for (int i = 0; i < nId; i++) {
            for (int j = 0; j < nItem; j++, r++) {
                id[r] = i;
                item[r] = j;
                anger[r] = angerOf[i];
                gender[r] = genderOf[i];
                btype[r] = btypeOf[j];
                situ[r] = situOf[j];
                mode[r] = modeOf[j];
                double eta = -0.4 + 0.057 * (anger[r] - 20) + 0.32 * gender[r] + bBtype[btype[r]] - 1.05 * situ[r]
                        + 0.7 * mode[r] + uId[i] + uItem[j];
                y[r] = rng.nextDouble() < invLogit(eta) ? 1 : 0;
            }
        }
        return new BenchData("b", n)
                .integer("y", y)
                .integer("anger", anger)
                .categorical("gender", gender, new String[]{"F", "M"})
                .categorical("btype", btype, new String[]{"curse", "scold", "shout"})
                .categorical("situ", situ, new String[]{"other", "self"})
                .categorical("mode", mode, new String[]{"do", "want"})
                .categorical("id", id, labels("id", nId))
                .categorical("item", item, labels("item", nItem));
    }

    /** 5,000 clusters of 40 rows; correlated intercept and x1-slope (sd 1 and 0.5, correlation 0.3) or an intercept only. */
    static BenchData clusteredBinary(String name, boolean slope, long seed) {
        int nG = 5000;
        int per = 40;
        int n = nG * per;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b0 = new double[nG];
        double[] b1 = new double[nG];
        for (int g = 0; g < nG; g++) {
            double z0 = normal(rng);
            double z1 = normal(rng);
            b0[g] = 1.0 * z0;
            b1[g] = slope ? 0.5 * (0.3 * z0 + Math.sqrt(1 - 0.09) * z1) : 0;
        }
        double[] y = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        int[] g = new int[n];
        for (int r = 0; r < n; r++) {
            int c = r / per;
            g[r] = c;
            x1[r] = round4(normal(rng));
            x2[r] = round4(normal(rng));
            x3[r] = rng.nextDouble() < 0.5 ? 1 : 0;
            double eta = -0.5 + 0.8 * x1[r] - 0.4 * x2[r] + 0.3 * x3[r] + b0[c] + b1[c] * x1[r];
            y[r] = rng.nextDouble() < invLogit(eta) ? 1 : 0;
        }
        return new BenchData(name, n)
                .integer("y", y)
                .numeric("x1", x1)
                .numeric("x2", x2)
                .integer("x3", x3)
                .categorical("g", g, labels("g", nG));
    }

    /** Counts with crossed a (1,000 levels, sd 0.4) and b (400 levels, sd 0.3), sparsely crossed. */
    static BenchData poissonCrossed() {
        int n = 100_000;
        int nA = 1000;
        int nB = 400;
        SplittableRandom rng = new SplittableRandom(5005);
        double[] uA = normals(rng, nA, 0.4);
        double[] uB = normals(rng, nB, 0.3);
        double[] y = new double[n];
        double[] x = new double[n];
        int[] a = new int[n];
        int[] b = new int[n];
        for (int r = 0; r < n; r++) {
            a[r] = cover(rng, r, nA);
            b[r] = cover(rng, r, nB);
            x[r] = round4(normal(rng));
            y[r] = poisson(rng, Math.exp(0.5 + 0.3 * x[r] + uA[a[r]] + uB[b[r]]));
        }
        return new BenchData("e", n)
                .integer("y", y)
                .numeric("x", x)
                .categorical("a", a, labels("a", nA))
                .categorical("b", b, labels("b", nB));
    }

    /** 50,000 subjects × 40 visits, x = visit / 4 (0 to 9.75), sleepstudy-like scale. */
    static BenchData bigLongitudinal() {
        int nG = 50_000;
        int per = 40;
        int n = nG * per;
        SplittableRandom rng = new SplittableRandom(6006);
        double[] y = new double[n];
        double[] x = new double[n];
        int[] g = new int[n];
        int r = 0;
        for (int c = 0; c < nG; c++) {
            double z0 = normal(rng);
            double z1 = normal(rng);
            double b0 = 25 * z0;
            double b1 = 6 * (0.1 * z0 + Math.sqrt(1 - 0.01) * z1);
            for (int v = 0; v < per; v++, r++) {
                g[r] = c;
                x[r] = v / 4.0;
                y[r] = round4(250 + 10 * x[r] + b0 + b1 * x[r] + 25 * normal(rng));
            }
        }
        return new BenchData("f", n)
                .numeric("y", y)
                .numeric("x", x)
                .categorical("g", g, labels("g", nG));
    }

    // ---------------------------------------------------------------- helpers

    /** Row r < levels takes level r (so every level occurs); later rows a uniform level. */
    private static int cover(SplittableRandom rng, int r, int levels) {
        return r < levels ? r : rng.nextInt(levels);
    }

    /** A level with popularity falling off linearly (some lecturers teach much more than others). */
    private static int skewed(SplittableRandom rng, int levels) {
        double u = rng.nextDouble();
        return Math.min(levels - 1, (int) (levels * (1 - Math.sqrt(u))));
    }

    /** Zero-padded labels: code-point order is index order. */
    static String[] labels(String prefix, int count) {
        int width = String.valueOf(count).length();
        String[] l = new String[count];
        for (int i = 0; i < count; i++) {
            l[i] = prefix + String.format(Locale.ROOT, "%0" + width + "d", i + 1);
        }
        return l;
    }

    private static double[] normals(SplittableRandom rng, int count, double sd) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = sd * normal(rng);
        }
        return v;
    }

    /** Standard normal by Marsaglia's polar method (one value per call; the spare is dropped for simplicity). */
    static double normal(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** Poisson draw by inversion of the CDF (means here stay below ~50). */
    static double poisson(SplittableRandom rng, double mean) {
        double u = rng.nextDouble();
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 10_000) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    private static double invLogit(double eta) {
        return 1 / (1 + Math.exp(-eta));
    }

    static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
