package io.glimmer.cli.json;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glimmer.Glimmer;
import io.glimmer.cli.Cli;
import io.glimmer.fit.EstimatorDetails;
import io.glimmer.fit.MixedModelFit;
import io.glimmer.reference.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fit's JSON written straight to a writer is the text an ObjectMapper's indenting writer makes of the same tree. */
class FitJsonStreamTest {
    static Stream<MixedModelFit> fits() {
        MixedModelFit cbpp = Fits.cbpp();
        return Stream.of(cbpp, Fits.threeEffects(),
                cbpp.toBuilder().logLikelihood(Double.NaN) // nulls, a GEE's extra keys, a non-ASCII name
                        .details(new EstimatorDetails.Gee("exchangeable", List.of("alpha"), List.of(0.1), Double.POSITIVE_INFINITY, 1, 1, 1))
                        .formula("y ~ x + (1 | Zürich \"π\")").build());
    }

    @ParameterizedTest
    @MethodSource("fits")
    void streamedTextIsTheMappersText(MixedModelFit fit) throws IOException {
        ObjectNode tree = FitJson.toJson(fit);
        tree.put("interpretation_added_last", "a key added after toJson, as the fit command adds them");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        String expected = new ObjectMapper().writer(printer).writeValueAsString(tree) + "\n";

        ClosingWatched w = new ClosingWatched();
        FitJson.write(tree, w);
        assertEquals(expected, w.toString());
        assertFalse(w.closed, "the output (standard output) must stay open");
        assertEquals(expected, FitJson.write(tree));
    }

    @TempDir
    static Path dir;

    /** A fitted model whose level tables hold two terms, their 2 × 2 covariances and intervals, for 18 levels. */
    @Test
    void sleepstudysLevelTablesWrittenFromTheFitAreTheTreesText() throws IOException {
        levelTablesWrittenFromTheFitAreTheTreesText(Glimmer.fit(Cli.data(dir, "sleepstudy.csv"), "Reaction ~ Days + (Days | Subject)"));
    }

    /** The fit command's object, whose level tables are written from the fit, writes the text of the whole tree. */
    @ParameterizedTest
    @MethodSource("fits")
    void levelTablesWrittenFromTheFitAreTheTreesText(MixedModelFit fit) throws IOException {
        ObjectNode tree = FitJson.toJson(fit);
        ObjectNode streamed = FitJson.toStreamedJson(fit);
        for (ObjectNode o : List.of(tree, streamed)) {
            o.put("interpretation_added_last", "a key added after the level tables");
        }
        assertTrue(tree.get("conditional_modes").isObject(), "the tree holds its tables as nodes");
        StringWriter w = new StringWriter();
        FitJson.write(streamed, w);
        assertEquals(FitJson.write(tree), w.toString());
        assertEquals(FitJson.write(tree), FitJson.write(streamed));
    }

    /** Records whether it was closed. */
    private static final class ClosingWatched extends StringWriter {
        boolean closed;

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
