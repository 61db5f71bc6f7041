package io.glimmer.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The settings the kernel and deviance benchmarks share (JMH's annotations are inherited): average
 * time in milliseconds, one fork with a 2 GB heap, state per thread. Each benchmark sets its own
 * {@code @Warmup} and {@code @Measurement}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Thread)
public abstract class MillisecondBenchmark {
}
