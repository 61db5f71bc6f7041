package io.glimmer.gee;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CorrelationStructureTest {
    @Test
    void namesAndUniquePrefixesAsGeepackMatchesThem() {
        assertEquals(CorrelationStructure.EXCHANGEABLE, CorrelationStructure.parse("exchangeable"));
        assertEquals(CorrelationStructure.EXCHANGEABLE, CorrelationStructure.parse("exch"));
        assertEquals(CorrelationStructure.AR1, CorrelationStructure.parse("AR1"));
        assertEquals(CorrelationStructure.UNSTRUCTURED, CorrelationStructure.parse("un"));
        assertEquals(CorrelationStructure.INDEPENDENCE, CorrelationStructure.parse(null));
        assertThrows(InputException.class, () -> CorrelationStructure.parse(""));
        assertThrows(InputException.class, () -> CorrelationStructure.parse("ar2"));
    }

    @Test
    void ar1DecaysWithTheDistanceInRows() {
        double[][] r = CorrelationStructure.AR1.create(4).matrix(new double[]{0.5}, 3);
        assertArrayEquals(new double[]{1, 0.5, 0.25}, r[0], 1e-15);
        assertArrayEquals(new double[]{0.25, 0.5, 1}, r[2], 1e-15);
        WorkingCorrelation ar1 = CorrelationStructure.AR1.create(4);
        assertEquals(3, ar1.pairClasses(4), "one class per lag");
        assertEquals(ar1.pairClass(0, 2), ar1.pairClass(1, 3));
        double[] gradient = new double[1];
        ar1.gradient(new double[]{0.5}, ar1.pairClass(0, 2), gradient);
        assertEquals(2 * 0.5, gradient[0], 1e-15);
    }

    @Test
    void exchangeableIsOneCommonCorrelation() {
        double[][] r = CorrelationStructure.EXCHANGEABLE.create(3).matrix(new double[]{0.3}, 3);
        assertArrayEquals(new double[]{0.3, 1, 0.3}, r[1], 1e-15);
    }

    @Test
    void unstructuredPairsInGenZcorOrder() {
        WorkingCorrelation c = CorrelationStructure.UNSTRUCTURED.create(4);
        assertEquals(6, c.parameters());
        double[] alpha = {12, 13, 14, 23, 24, 34};
        double[][] r = c.matrix(alpha, 4);
        assertEquals(12, r[0][1]);
        assertEquals(14, r[3][0]);
        assertEquals(23, r[1][2]);
        assertEquals(34, r[2][3]);
        // A cluster of three rows uses the first three positions.
        assertArrayEquals(new double[]{13, 23, 1}, c.matrix(alpha, 3)[2], 0);
        assertEquals("alpha.2:4", c.parameterName(4));
    }

    @Test
    void closedFormSolvesAgreeWithLu() {
        java.util.Random rnd = new java.util.Random(1);
        for (CorrelationStructure s : new CorrelationStructure[]{CorrelationStructure.EXCHANGEABLE, CorrelationStructure.AR1}) {
            WorkingCorrelation c = s.create(6);
            for (double a : new double[]{-0.15, 0.3, 0.8}) {
                for (int n = 1; n <= 6; n++) {
                    double[][] b = new double[n][3];
                    for (double[] row : b) {
                        for (int k = 0; k < 3; k++) {
                            row[k] = rnd.nextGaussian();
                        }
                    }
                    double[][] fast = c.solve(new double[]{a}, b);
                    double[][] lu = Dense.solve(c.matrix(new double[]{a}, n), b);
                    for (int i = 0; i < n; i++) {
                        assertArrayEquals(lu[i], fast[i], 1e-12, s + " alpha " + a + " n " + n);
                    }
                }
            }
        }
    }
}
