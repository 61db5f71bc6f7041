package io.glimmer.bench;

import io.glimmer.linalg.DenseCholesky;
import io.glimmer.linalg.SmallBlocks;

import java.util.SplittableRandom;

import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionBlock_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dense Cholesky that {@code BlockedCholesky} uses since the speed work ({@link DenseCholesky}:
 * panels of 64, vectorised lower-triangle update, split over 2 threads from about 500 rows) against EJML's block
 * Cholesky (the fastest of {@link DenseKernelBenchmark}) and the plain loop it replaced.
 * Each call first copies the SPD input into the work matrix. Threads: {@code -Dglimmer.threads}
 * (default 2); for one thread: {@code java -jar benchmarks.jar DenseCholeskyBenchmark -jvmArgsAppend -Dglimmer.threads=1}.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DenseCholeskyBenchmark extends MillisecondBenchmark {
    @Param({"100", "400", "1100"})
    public int n;

    private DMatrixRMaj spd;
    private DMatrixRMaj work;
    private CholeskyDecompositionBlock_DDRM ejml;
    private DenseCholesky dense;

    @Setup(Level.Trial)
    public void setup() {
        spd = DenseKernels.positiveDefinite(new SplittableRandom(42), n);
        work = spd.copy();
        ejml = new CholeskyDecompositionBlock_DDRM(EjmlParameters.BLOCK_WIDTH_CHOL);
        dense = new DenseCholesky();
    }

    @Benchmark
    public boolean denseCholesky() {
        work.setTo(spd);
        return dense.factor(work.data, 0, n, n);
    }

    @Benchmark
    public boolean ejmlBlock() {
        work.setTo(spd);
        return ejml.decompose(work);
    }

    @Benchmark
    public boolean smallBlocks() {
        work.setTo(spd);
        return SmallBlocks.cholesky(work.data, 0, n);
    }
}
