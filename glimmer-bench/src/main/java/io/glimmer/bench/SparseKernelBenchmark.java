package io.glimmer.bench;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.DataFrame;
import io.glimmer.linalg.BlockSparse;
import io.glimmer.linalg.CrossProducts;
import io.glimmer.linalg.GroupedColumns;
import io.glimmer.linalg.ScalarFillIn;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fill-in step of {@code BlockedCholesky} for two crossed random intercepts: D ← D − S S',
 * S = L₂₁ with the real pattern of Z₂'Z₁ of a shape (a: d × s, 1,100 × 3,000; b: item × id, 24 × 316;
 * e: b × a, 400 × 1,000), once per evaluation of the objective (per PIRLS iteration for a GLMM).
 * Core's generic {@code BlockSparse.subtractProduct} against {@link SparseKernels#subtractSelfProductScalarLower}
 * (column by column of S, lower triangle: core's {@code BlockSparse.subtractLowerProduct}) and core's
 * {@link ScalarFillIn} (column by column within bands of D's rows, bands split over the kernel threads).
 * Run: {@code java -jar glimmer-bench/target/benchmarks.jar SparseKernelBenchmark}.
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SparseKernelBenchmark extends MillisecondBenchmark {
    @Param({"a", "b", "e"})
    public String shape;

    private BlockSparse s;
    private DMatrixRMaj d;
    private ScalarFillIn fillIn;

    @Setup(Level.Trial)
    public void setup() {
        DataFrame frame = Shapes.spec(shape).generate().toDataFrame();
        String[] groups = switch (shape) {
            case "a" -> new String[]{"s", "d"};
            case "b" -> new String[]{"id", "item"};
            case "e" -> new String[]{"a", "b"};
            default -> throw new IllegalArgumentException(shape);
        };
        GroupedColumns[] terms = new GroupedColumns[2];
        for (int k = 0; k < 2; k++) {
            CategoricalColumn c = (CategoricalColumn) frame.column(groups[k]);
            double[] ones = new double[frame.rows()];
            Arrays.fill(ones, 1);
            terms[k] = new GroupedColumns(c.levelCount(), 1, c.codes(), ones);
        }
        CrossProducts cp = CrossProducts.structure(terms, 1);
        s = cp.offDiagonal(1, 0).copy();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < s.values().length; i++) {
            s.values()[i] = rng.nextDouble() * 0.1;
        }
        d = new DMatrixRMaj(s.blockRows(), s.blockRows());
        fillIn = new ScalarFillIn(s);
    }

    /** How many stored blocks and pair updates a shape has (printed by main, for docs/BENCHMARKS.md). */
    public static void main(String[] args) {
        for (String shape : new String[]{"a", "b", "e"}) {
            SparseKernelBenchmark b = new SparseKernelBenchmark();
            b.shape = shape;
            b.setup();
            long pairs = 0;
            for (int c = 0; c < b.s.blockCols(); c++) {
                long m = b.s.colStart()[c + 1] - b.s.colStart()[c];
                pairs += m * m;
            }
            System.out.printf("%s: S is %d x %d, %d stored blocks, %d pair updates per call (dense D %d x %d)%n",
                    shape, b.s.blockRows(), b.s.blockCols(), b.s.storedBlocks(), pairs, b.d.numRows, b.d.numCols);
        }
    }

    @Benchmark
    public DMatrixRMaj coreSubtractProduct() {
        BlockSparse.subtractProduct(s, s, d);
        return d;
    }

    @Benchmark
    public DMatrixRMaj scalarLower() {
        SparseKernels.subtractSelfProductScalarLower(s, d);
        return d;
    }

    @Benchmark
    public DMatrixRMaj bandedFillIn() {
        fillIn.subtract(s, d);
        return d;
    }
}
