package com.waymark.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * A benchmark or evaluation the runnable jar can run instead of the bot:
 * {@code java -jar waymark.jar NAME [options]}. No web server starts; the process exits when done.
 */
public interface Subcommand {

    String name();

    /** One line for {@code java -jar waymark.jar help}. */
    String description();

    /** Runs to completion; the last line printed is the figure line. Returns the process exit code. */
    int run(List<String> args, PrintStream out) throws Exception;
}
