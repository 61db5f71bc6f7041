package io.glimmer.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every training fit of the launcher's AOT cache runs (a failed one would leave the JDK 25 path without its cache). */
class AotTrainingTest {
    @Test
    void everyTrainingFitSucceeds() {
        assertEquals(0, AotTraining.train(Path.of("..", "examples")));
    }
}
