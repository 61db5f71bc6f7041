package io.glimmer.cli.common;

import java.io.InputStream;

/** The top-level command as its subcommands see it: where {@code --data -} reads. */
public interface StandardInput {
    InputStream stdin();
}
