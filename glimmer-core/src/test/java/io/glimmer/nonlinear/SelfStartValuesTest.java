package io.glimmer.nonlinear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glimmer.data.CsvOptions;
import io.glimmer.data.CsvReader;
import io.glimmer.data.DataFrame;
import io.glimmer.data.NumericColumn;
import io.glimmer.reference.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The initial values of every self-starting model equal R's getInitial() on a data set
 * (reference/self_start_initial.json, made by reference/r/self_start_references.R).
 */
class SelfStartValuesTest {
    /**
     * Both follow nls's plinear iterations to its stopping rule (relative offset below 1e-5), so the
     * values are R's stopping point, not the exact optimum (SSfol's differ from it by 0.07). The two
     * take their steps from starts equal to rounding (lm's QR against closed-form lines), and the
     * last step is small but not nothing: observed differences up to 3e-7 relative; 1e-6 bounds them.
     */
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = SelfStartValuesTest.class.getResourceAsStream("/reference/self_start_initial.json")) {
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                out.add(Arguments.of(c.get("model").asText() + " on " + c.get("data").asText(), c));
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsRsGetInitial(String name, JsonNode c) {
        DataFrame data = CsvReader.read(Reference.data(c.get("data").asText()), CsvOptions.builder().build());
        NonlinearFormula f = NonlinearFormula.parse(c.get("formula").asText(), data, Map.of());
        double[][] columns = new double[f.columns().size()][];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ((NumericColumn) data.column(f.columns().get(i))).values();
        }
        double[] y = ((NumericColumn) data.column(f.response())).values();
        double[] initial = SelfStartValues.of(f, columns, y);
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) () -> c.get("initial").fields()) {
            double expected = e.getValue().asDouble();
            double got = initial[f.parameterIndex(e.getKey())];
            assertEquals(expected, got, TOLERANCE * Math.max(Math.abs(expected), 1), name + " " + e.getKey());
        }
    }
}
