package io.glimmer.bench;

import io.glimmer.linalg.SmallBlocks;

import java.util.SplittableRandom;

import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionBlock_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecomposition_DDRB_to_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Candidate kernels for the dense blocks of {@code BlockedCholesky} (the blocks of the second and
 * later random-effects terms, e.g. 1,100 × 1,100 for shape a), at n = 100, 400, 1,100:
 * <ul>
 *   <li>C ← C − A B' (n × n): EJML {@code CommonOps_DDRM.multAddTransB} (what core's BlockedCholesky called up to 4250390), a plain triple loop,
 *       a cache- and register-blocked loop;</li>
 *   <li>lower Cholesky of an n × n SPD matrix: EJML {@code CholeskyDecompositionInner_DDRM}, {@code CholeskyDecompositionBlock_DDRM},
 *       {@code CholeskyDecomposition_DDRB_to_DDRM} (what EJML's factory picks for large n), and core's {@code SmallBlocks.cholesky}
 *       (what BlockedCholesky called for its dense blocks up to 4250390).</li>
 * </ul>
 * Each Cholesky call first copies the SPD input into the work matrix ({@code cholCopyOnly} times the copy alone).
 * Run: {@code java -jar glimmer-bench/target/benchmarks.jar DenseKernelBenchmark}.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DenseKernelBenchmark extends MillisecondBenchmark {
    @Param({"100", "400", "1100"})
    public int n;

    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;
    private DMatrixRMaj spd;
    private DMatrixRMaj work;
    private CholeskyDecompositionInner_DDRM inner;
    private CholeskyDecompositionBlock_DDRM block;
    private CholeskyDecomposition_DDRB_to_DDRM ddrb;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom rng = new SplittableRandom(42);
        a = DenseKernels.random(rng, n);
        b = DenseKernels.random(rng, n);
        c = DenseKernels.random(rng, n);
        spd = DenseKernels.positiveDefinite(rng, n);
        work = spd.copy();
        inner = new CholeskyDecompositionInner_DDRM(true);
        block = new CholeskyDecompositionBlock_DDRM(EjmlParameters.BLOCK_WIDTH_CHOL);
        ddrb = new CholeskyDecomposition_DDRB_to_DDRM(true);
    }

    @Benchmark
    public DMatrixRMaj multAddTransBEjml() {
        CommonOps_DDRM.multAddTransB(-1, a, b, c);
        return c;
    }

    @Benchmark
    public DMatrixRMaj multAddTransBLoop() {
        DenseKernels.multAddTransBLoop(-1, a.data, b.data, c.data, n, n, n);
        return c;
    }

    @Benchmark
    public DMatrixRMaj multAddTransBBlocked() {
        DenseKernels.multAddTransBBlocked(-1, a.data, b.data, c.data, n, n, n);
        return c;
    }

    @Benchmark
    public DMatrixRMaj cholCopyOnly() {
        work.setTo(spd);
        return work;
    }

    @Benchmark
    public boolean cholEjmlInner() {
        work.setTo(spd);
        return inner.decompose(work);
    }

    @Benchmark
    public boolean cholEjmlBlock() {
        work.setTo(spd);
        return block.decompose(work);
    }

    @Benchmark
    public boolean cholEjmlDdrb() {
        work.setTo(spd);
        return ddrb.decompose(work);
    }

    @Benchmark
    public boolean cholSmallBlocks() {
        work.setTo(spd);
        return SmallBlocks.cholesky(work.data, 0, n);
    }
}
