package com.waymark.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The jar's subcommands. Registered here, by hand: a short list that reads as documentation. */
public final class Subcommands {

    private static final List<Subcommand> ALL = List.of(new PairingEval(), new LoadBench());

    private Subcommands() {
    }

    public static Optional<Subcommand> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static boolean isSubcommand(String[] args) {
        return args.length > 0 && (find(args[0]).isPresent() || args[0].equals("help") || args[0].equals("--help"));
    }

    /**
     * Runs the named subcommand and returns its exit code. {@code application} is the Spring Boot application, for
     * the benchmarks that start it (passed in by the jar's main class: this package must not depend on it).
     */
    public static int run(String[] args, PrintStream out, Class<?> application) {
        BenchRuntime.use(application);
        return run(args, out);
    }

    /** Runs the named subcommand and returns its exit code. */
    public static int run(String[] args, PrintStream out) {
        if (args[0].equals("help") || args[0].equals("--help")) {
            out.println("Usage: java -jar waymark.jar [NAME options]   (no NAME: start the bot)");
            ALL.forEach(s -> out.printf("  %-14s %s%n", s.name(), s.description()));
            return 0;
        }
        Subcommand subcommand = find(args[0]).orElseThrow();
        try {
            return subcommand.run(Arrays.asList(args).subList(1, args.length), out);
        } catch (IllegalArgumentException e) {
            out.println(subcommand.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            e.printStackTrace(out);
            return 1;
        }
    }
}
