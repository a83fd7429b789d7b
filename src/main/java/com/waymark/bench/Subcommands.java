package com.waymark.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The jar's subcommands. Registered here, by hand: a short list that reads as documentation. */
public final class Subcommands {

    private static final List<Subcommand> ALL = List.of(new FanoutBench(), new FanoutWorker(), new GrowthBench(),
            new LoadBench(), new LoadBenchServer(), new PairingEval(), new ThemesEval(), new EmbedBench(), new ThemesSpeed(),
            new StartupBench(), new EchoBotWorker(), new CdsTraining(), new ReportBench(), new ImpactSample());

    /** The application's main class, handed in by its main method so that bench does not depend on it. */
    private static volatile Class<?> application;

    private Subcommands() {
    }

    /** For subcommands that start the real application (benchmarks that drive it end to end). */
    static Class<?> application() {
        if (application == null) {
            throw new IllegalStateException("Subcommands.run(args, out, applicationClass) was not used");
        }
        return application;
    }

    public static void useApplication(Class<?> applicationClass) {
        application = applicationClass;
    }

    public static Optional<Subcommand> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static boolean isSubcommand(String[] args) {
        return args.length > 0 && (find(args[0]).isPresent() || args[0].equals("help") || args[0].equals("--help"));
    }

    /** Runs the named subcommand and returns its exit code. */
    public static int run(String[] args, PrintStream out, Class<?> applicationClass) {
        useApplication(applicationClass);
        return run(args, out);
    }

    /** For subcommands that don't start the application (evaluations). */
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
