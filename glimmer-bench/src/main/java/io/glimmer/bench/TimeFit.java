package io.glimmer.bench;

import io.glimmer.Glimmer;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times Glimmer's in-process fit of benchmark shapes read from their CSV files:
 * {@code java -Xmx2g -cp glimmer-bench/target/benchmarks.jar io.glimmer.bench.TimeFit [options] shape...}.
 * Reading the CSV is timed apart and not counted in the fit. Then a cold fit (the first in this
 * JVM: the JIT compiler is still warming up, as for a user's first fit) and a warm fit (the same
 * model again in the same JVM). One line per fit, printed and flushed as soon as it ends:
 * {@code cpu} is the CPU time of the whole JVM during the fit (every thread: the fit's own, any
 * worker threads of a parallel core, the JIT compiler and GC), comparable with R's process CPU time;
 * {@code threadCpu} that of the calling thread alone. Both are less sensitive than {@code seconds}
 * (wall clock) to other processes competing for the cores; cpu above seconds means the fit ran in parallel.
 * <pre>
 *   COLD shape=a seconds=12.345 cpu=12.001 threadCpu=11.900 loglik=-123.456789 evals=87 converged=true fitSeconds=12.3 rows=73000
 *   WARM shape=a ...
 * </pre>
 * Options: {@code --dir DIR} (default bench/data), {@code --cold-only}, {@code --warm-limit S}
 * (skip the warm fit when the cold one took longer than S seconds; default 300).
 */
public final class TimeFit {
    private TimeFit() {
    }

    public static void main(String[] args) {
        Path dir = Path.of("bench", "data");
        boolean coldOnly = false;
        double warmLimit = 300;
        List<String> shapes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--cold-only" -> coldOnly = true;
                case "--warm-limit" -> warmLimit = Double.parseDouble(args[++i]);
                default -> shapes.add(args[i]);
            }
        }
        if (shapes.isEmpty()) {
            System.err.println("usage: TimeFit [--dir DIR] [--cold-only] [--warm-limit SECONDS] shape...   shapes: " + String.join(" ", Shapes.names()));
            System.exit(2);
        }
        for (String name : shapes) {
            Shapes.Spec spec = Shapes.spec(name);
            Path csv = spec.csv(dir);
            if (!Files.isRegularFile(csv)) {
                System.err.println(csv + " is missing: run io.glimmer.bench.Generate " + spec.name());
                System.exit(2);
            }
            long t0 = System.nanoTime();
            DataFrame frame = CsvReader.read(csv, CsvOptions.builder().factors(spec.options().factors()).build());
            System.out.printf(Locale.ROOT, "READ shape=%s seconds=%.3f rows=%d%n", spec.name(), (System.nanoTime() - t0) / 1e9, frame.rows());
            System.out.flush();
            double cold = timeOne("COLD", spec, frame);
            if (!coldOnly) {
                if (cold > warmLimit) {
                    System.out.printf(Locale.ROOT, "WARM shape=%s skipped (cold fit took %.0f s > --warm-limit %.0f s)%n", spec.name(), cold, warmLimit);
                } else {
                    timeOne("WARM", spec, frame);
                }
            }
        }
    }

    /** CPU time of the whole JVM (every thread), or -1 where the platform bean does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** One fit, timed around Glimmer.fit(DataFrame, ...); prints its line and returns its seconds. */
    static double timeOne(String label, Shapes.Spec spec, DataFrame frame) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long p0 = processCpuNanos();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        MixedModelFit fit = Glimmer.fit(frame, spec.formula(), spec.options());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double threadCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        double cpu = p0 < 0 ? threadCpu : (processCpuNanos() - p0) / 1e9;
        System.out.printf(Locale.ROOT, "%s shape=%s seconds=%.3f cpu=%.3f threadCpu=%.3f loglik=%.6f evals=%d converged=%s fitSeconds=%.3f rows=%d warnings=%d%n",
                label, spec.name(), seconds, cpu, threadCpu, fit.logLikelihood(), fit.optimizer().evaluations(), fit.converged(), fit.fitSeconds(),
                fit.nObs(), fit.warnings().size());
        for (String w : fit.warnings()) {
            System.out.println("  warning: " + w);
        }
        System.out.flush();
        return seconds;
    }
}
