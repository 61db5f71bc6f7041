package io.glimmer.predict;

import io.glimmer.fit.RandomEffectsMode;
import io.glimmer.fit.PredictionScale;
import io.glimmer.fit.Predictions;
import com.fasterxml.jackson.databind.JsonNode;
import io.glimmer.reference.Reference;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Predictions on the training data against lme4's predict() in the references, within 0.1%. */
class PredictorReferenceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("sleepstudy_reml", Fitted.sleepstudy()),
                Arguments.of("cbpp_laplace", Fitted.cbpp()),
                Arguments.of("epil_poisson", Fitted.epil()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithLme4(String id, Fitted fitted) {
        JsonNode ref = Reference.load(id).json().get("predictions");
        Predictor predictor = new Predictor(fitted.saved());
        for (RandomEffectsMode random : new RandomEffectsMode[]{RandomEffectsMode.CONDITIONAL, RandomEffectsMode.POPULATION}) {
            for (PredictionScale scale : PredictionScale.values()) {
                Predictions p = predictor.predict(fitted.data(), scale, random);
                assertEquals(fitted.data().rows(), p.rows());
                assertEquals(0, p.missingRows());
                JsonNode expected = ref.get(random.label() + "_" + scale.label());
                JsonNode rows = ref.get("rows");
                for (int i = 0; i < rows.size(); i++) {
                    int row = rows.get(i).asInt() - 1;
                    double e = expected.get(i).asDouble();
                    assertEquals(e, p.values()[row], 1e-3 * Math.abs(e), id + " " + random.label() + "/" + scale.label() + " row " + (row + 1));
                }
                if (random == RandomEffectsMode.CONDITIONAL) {
                    assertNull(p.stdErrors());
                }
            }
        }
    }
}
