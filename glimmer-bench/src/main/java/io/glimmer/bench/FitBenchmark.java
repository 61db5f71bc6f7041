package io.glimmer.bench;

import io.glimmer.Glimmer;
import io.glimmer.data.DataFrame;
import io.glimmer.fit.MixedModelFit;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process fit of each benchmark shape ({@link Shapes}); the data are generated in memory in
 * {@code @Setup} (the same values as the CSV files), so only {@code Glimmer.fit(DataFrame, ...)} is timed.
 * <ul>
 *   <li>{@code small}: shape b (seconds per fit), average time over 30-second iterations (several fits each) after 2 warm-up iterations;</li>
 *   <li>{@code large}: shapes a, c, d, e, f, one fit per iteration (single shot), 1 warm-up and 3 measured fits.</li>
 * </ul>
 * Run one shape: {@code java -jar glimmer-bench/target/benchmarks.jar 'FitBenchmark.large' -p shape=a}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@OutputTimeUnit(TimeUnit.SECONDS)
public class FitBenchmark {
    /** One shape's data, generated once per trial. */
    public abstract static class ShapeData {
        Shapes.Spec spec;
        DataFrame frame;

        abstract String shape();

        @Setup(Level.Trial)
        public void load() {
            spec = Shapes.spec(shape());
            frame = spec.generate().toDataFrame();
        }
    }

    /** Shapes that fit in seconds: timed on average over several fits per iteration. */
    @State(Scope.Benchmark)
    public static class Small extends ShapeData {
        @Param({"b"})
        public String shape;

        @Override
        String shape() {
            return shape;
        }
    }

    /** Shapes whose fit takes seconds to minutes: one fit per iteration. */
    @State(Scope.Benchmark)
    public static class Large extends ShapeData {
        @Param({"a", "c", "d", "e", "f"})
        public String shape;

        @Override
        String shape() {
            return shape;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 30)
    @Measurement(iterations = 3, time = 30)
    public MixedModelFit small(Small s) {
        return Glimmer.fit(s.frame, s.spec.formula(), s.spec.options());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public MixedModelFit large(Large s) {
        return Glimmer.fit(s.frame, s.spec.formula(), s.spec.options());
    }
}
