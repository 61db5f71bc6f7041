package io.glimmer.cli.command;

import io.glimmer.cli.common.StandardInput;
import io.glimmer.cli.common.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
    @Spec
    CommandSpec spec;

    /**
     * Where {@code --data -} reads: the run's standard input. Taken from the parent's spec rather than injected
     * by {@code @ParentCommand}: one annotation type fewer for picocli to read at start (docs/BENCHMARKS.md).
     */
    InputStream stdin() {
        CommandSpec parent = spec.parent();
        return parent != null && parent.userObject() instanceof StandardInput main ? main.stdin() : System.in;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
