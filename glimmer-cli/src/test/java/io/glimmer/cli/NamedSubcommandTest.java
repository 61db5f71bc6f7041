package io.glimmer.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A command line whose first argument names a subcommand holds that subcommand alone under a bare top command
 * (Main.commandLine, for a faster start): the subcommand must be the one the whole command holds — the same name
 * in messages ("glimmer fit"), the same options in the same order, and the same help, character for character.
 */
class NamedSubcommandTest {
    private static CommandLine whole() {
        return Main.commandLine(new ByteArrayInputStream(new byte[0]));
    }

    static Stream<String> subcommands() {
        return whole().getSubcommands().keySet().stream().filter(n -> !n.equals("help"));
    }

    @ParameterizedTest(name = "glimmer {0}")
    @MethodSource("subcommands")
    void theNamedSubcommandAloneIsTheSameCommand(String name) {
        CommandLine expected = whole().getSubcommands().get(name);
        CommandLine alone = Main.commandLine(new ByteArrayInputStream(new byte[0]), new String[]{name, "--help"});
        assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()));
        CommandLine actual = alone.getSubcommands().get(name);
        assertNotNull(actual);
        assertEquals(expected.getCommandSpec().qualifiedName(), actual.getCommandSpec().qualifiedName());
        assertEquals(names(expected), names(actual));
        assertEquals(expected.getUsageMessage(), actual.getUsageMessage());
        assertEquals(expected.getCommandSpec().version().length, actual.getCommandSpec().version().length);
    }

    private static List<String> names(CommandLine cl) {
        return cl.getCommandSpec().options().stream().map(OptionSpec::longestName).toList();
    }
}
