package io.glimmer.error;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionMentionsTest {
    @Test
    void oneMessageReadsAsJavaAndAsTheCommandLine() {
        InputException e = new InputException("{--cluster} applies to {--method GEE}, not REML; use {--interval wald}");
        assertEquals("cluster(...) applies to method(GEE), not REML; use WaldIntervals", e.getMessage());
        assertEquals("--cluster applies to --method GEE, not REML; use --interval wald", e.commandLineMessage());
    }

    @Test
    void messagesWithoutMentionsAreTheSameBothWays() {
        InputException e = new InputException("data.csv: column 'Days' row 3: 'x' is not a number");
        assertEquals(e.getMessage(), e.commandLineMessage());
    }

    @Test
    void typesThatPlayAnOptionsPartAreNamedByType() {
        assertEquals("unknown PredictionScale 'x'", new InputException("unknown {--type} 'x'").getMessage());
        assertEquals("adaptive quadrature (agqPoints(30))", new InputException("adaptive quadrature ({--agq 30})").getMessage());
    }

    /** Core messages name options only as {--option} mentions, and only options with a Java name. */
    @Test
    void coreSourcesNameOptionsOnlyThroughMentions() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
        Pattern bareFlag = Pattern.compile("(?<!\\{)--[a-z]");
        Pattern mention = Pattern.compile("\\{--([a-z-]+)");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher lit = literal.matcher(lines.get(i).strip().startsWith("*") ? "" : lines.get(i));
                    while (lit.find()) {
                        String text = lit.group();
                        if (bareFlag.matcher(text).find()) {
                            problems.add(f + ":" + (i + 1) + " bare flag in " + text);
                        }
                        Matcher m = mention.matcher(text);
                        while (m.find()) {
                            if (!OptionMentions.known(m.group(1))) {
                                problems.add(f + ":" + (i + 1) + " unknown option --" + m.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
