package io.glimmer.cli.command;

import io.glimmer.cli.common.StandardInput;
import io.glimmer.cli.common.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every subcommand of {@code glimmer} shares: --help and --version, options in the order they
 * give themselves, and the standard streams of the run (the top command's {@link StandardInput}, picocli's writers).
 * picocli applies these {@code @Command} attributes to each subclass.
 */
@Command(mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false)
abstract class GlimmerCommand implements Callable<Integer> {
    @ParentCommand
    StandardInput main;

    @Spec
    CommandSpec spec;

    /** Where {@code --data -} reads: the run's standard input. */
    InputStream stdin() {
        return main == null ? System.in : main.stdin();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
