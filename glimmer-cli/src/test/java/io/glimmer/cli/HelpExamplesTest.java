package io.glimmer.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example in every command's help survives copy and paste: its lines, joined at their " \"
 * continuations, are one shell command (no quote split across lines) that the CLI parses. Checked
 * at the default width and at picocli's narrowest, where any rewrapping would show.
 */
class HelpExamplesTest {
    private static final int DEFAULT_WIDTH = 80;
    private static final int NARROWEST_WIDTH = 55;

    private static CommandLine cli() {
        return Main.commandLine(new ByteArrayInputStream(new byte[0]));
    }

    /** The command and each subcommand (but help), as paths such as [] and [fit], at each width. */
    static Stream<Arguments> helps() {
        List<Arguments> out = new ArrayList<>();
        List<List<String>> paths = new ArrayList<>();
        paths.add(List.of());
        cli().getSubcommands().keySet().stream().filter(n -> !n.equals("help")).forEach(n -> paths.add(List.of(n)));
        for (List<String> p : paths) {
            out.add(Arguments.of(p, DEFAULT_WIDTH));
            out.add(Arguments.of(p, NARROWEST_WIDTH));
        }
        return out.stream();
    }

    private static String usage(List<String> path, int width) {
        CommandLine cl = cli();
        cl.setUsageHelpWidth(width);
        for (String name : path) {
            cl = cl.getSubcommands().get(name);
        }
        return cl.getUsageMessage();
    }

    @ParameterizedTest(name = "glimmer {0} --help at width {1}")
    @MethodSource("helps")
    void everyExampleIsACommandTheCliParses(List<String> path, int width) {
        List<String> examples = examples(usage(path, width));
        assertFalse(examples.isEmpty(), "no example in the help of glimmer " + path);
        for (String example : examples) {
            List<String> words = shellWords(example);
            assertEquals("glimmer", words.get(0), example);
            String[] args = words.subList(1, words.size()).toArray(String[]::new);
            ParseResult parsed = assertDoesNotThrow(() -> cli().parseArgs(args), example);
            assertTrue(parsed.hasSubcommand(), example);
            ParseResult command = parsed.subcommand();
            // A formula split at a line break would have left a word outside its option; none is.
            assertTrue(command.unmatched().isEmpty(), example + ": unmatched " + command.unmatched());
            List<String> formulas = command.hasMatchedOption("--formula") ? command.matchedOption("--formula").stringValues() : List.of();
            for (String formula : formulas) {
                assertTrue(formula.contains("~") && formula.endsWith(")"), "whole formula in: " + example);
            }
        }
    }

    @ParameterizedTest(name = "glimmer {0} --help at width {1}")
    @MethodSource("helps")
    void noLineIsWiderThanTheHelpOrSplitsAQuote(List<String> path, int width) {
        // At the narrowest width picocli may wrap an option's description (an "e.g." formula) but
        // never the footer, which is printed as written: from "Example:" on, every line holds.
        boolean footer = width == DEFAULT_WIDTH;
        for (String line : usage(path, width).split("\\R")) {
            footer |= line.equals("Example:");
            if (footer) {
                assertTrue(line.length() <= DEFAULT_WIDTH, "wider than " + DEFAULT_WIDTH + ": " + line);
                assertEquals(0, line.chars().filter(c -> c == '"').count() % 2, "a quote split at a line break: " + line);
            }
        }
    }

    /** The examples of a help text: lines from "  glimmer " on, joined while a line ends with " \". */
    static List<String> examples(String help) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : help.split("\\R")) {
            if (current == null && line.startsWith("  glimmer ")) {
                current = new StringBuilder();
            }
            if (current == null) {
                continue;
            }
            boolean continues = line.endsWith(" \\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                out.add(current.toString().strip());
                current = null;
            }
        }
        assertTrue(current == null, "an example ends with a continuation: " + current);
        return out;
    }

    /** Words as a POSIX shell splits them: blanks separate, '...' and "..." quote (no escapes needed here). */
    static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == ' ' || c == '\t') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                assertFalse(c == '\\', "a backslash inside an example line: " + command);
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        assertEquals(0, quote, "unterminated quote in: " + command);
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
