package io.glimmer.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.glimmer.data.CategoricalColumn;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cheap checks of the generator and kernels; no fits and no benchmarks run here. */
class ShapesTest {
    @Test
    void sixShapesWithFormulas() {
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), Shapes.names());
        assertEquals("y ~ x1 + x2 + x3 + (1 | g)", Shapes.spec("D").formula());
        assertEquals(9, Shapes.spec("d").options().agqPoints());
        assertThrows(IllegalArgumentException.class, () -> Shapes.spec("z"));
    }

    @Test
    void seededAndSized() {
        BenchData one = Shapes.spec("b").generate();
        BenchData two = Shapes.spec("b").generate();
        assertEquals(316 * 24, one.rows());
        assertArrayEquals(one.column("y").values(), two.column("y").values());
        assertEquals(316, one.column("id").levels().length);
        assertEquals(24, one.column("item").levels().length);

        BenchData a = Shapes.spec("a").generate();
        assertEquals(73_000, a.rows());
        DataFrame frame = a.toDataFrame();
        assertEquals(3000, ((CategoricalColumn) frame.column("s")).levelCount());
        assertEquals(1100, ((CategoricalColumn) frame.column("d")).levelCount());
        assertEquals(14, ((CategoricalColumn) frame.column("dept")).levelCount());
    }

    /** The CSV that lme4 reads is the frame that the JMH benchmarks fit in memory. */
    @Test
    void csvReadsBackToTheSameFrame(@TempDir Path dir) {
        Shapes.Spec spec = Shapes.spec("b");
        spec.write(dir);
        assertEquals(true, readLines(spec.specFile(dir)).contains("formula=" + spec.formula()));
        DataFrame read = CsvReader.read(spec.csv(dir), CsvOptions.builder().factors(spec.options().factors()).build());
        DataFrame mem = spec.generate().toDataFrame();
        assertEquals(mem.names(), read.names());
        for (String name : mem.names()) {
            if (mem.column(name) instanceof NumericColumn m) {
                assertArrayEquals(m.values(), ((NumericColumn) read.column(name)).values(), 0.0, name);
            } else {
                CategoricalColumn m = (CategoricalColumn) mem.column(name);
                CategoricalColumn r = (CategoricalColumn) read.column(name);
                assertEquals(m.levels(), r.levels(), name);
                assertArrayEquals(m.codes(), r.codes(), name);
            }
        }
    }

    @Test
    void kernelsAgreeWithEjml() {
        SplittableRandom rng = new SplittableRandom(7);
        int m = 67;
        int n = 70;
        int k = 131;
        DMatrixRMaj a = random(rng, m, k);
        DMatrixRMaj b = random(rng, n, k);
        DMatrixRMaj c = random(rng, m, n);
        DMatrixRMaj expected = c.copy();
        CommonOps_DDRM.multAddTransB(-1, a, b, expected);
        DMatrixRMaj loop = c.copy();
        DenseKernels.multAddTransBLoop(-1, a.data, b.data, loop.data, m, n, k);
        DMatrixRMaj blocked = c.copy();
        DenseKernels.multAddTransBBlocked(-1, a.data, b.data, blocked.data, m, n, k);
        assertArrayEquals(expected.data, loop.data, 1e-12);
        assertArrayEquals(expected.data, blocked.data, 1e-12);
    }

    @Test
    void scalarSparseKernelAgreesWithCoreOnTheLowerTriangle() {
        SparseKernelBenchmark bench = new SparseKernelBenchmark();
        bench.shape = "b";
        bench.setup();
        DMatrixRMaj core = bench.coreSubtractProduct().copy();
        DMatrixRMaj scalar = new SparseKernelBenchmark() {{ shape = "b"; setup(); }}.scalarLower();
        for (int i = 0; i < core.numRows; i++) {
            for (int j = 0; j <= i; j++) {
                assertEquals(core.get(i, j), scalar.get(i, j), 1e-12);
            }
        }
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DMatrixRMaj random(SplittableRandom rng, int rows, int cols) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rng.nextDouble() - 0.5;
        }
        return x;
    }
}
