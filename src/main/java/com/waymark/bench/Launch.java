package com.waymark.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The command lines that start each bot in {@code startup-bench} for a {@link StartMode} (everything but the bot's own
 * arguments), with what that mode needs made first: the jar extracted, and each bot's class-data-sharing archive from
 * a training run of its own, exactly as {@code deploy/run.sh} makes Waymark's ({@code cds-training}: it starts, answers a
 * new person's "hello", and is stopped gracefully; {@link StartupBench#train}).
 */
record Launch(List<String> waymark, List<String> echo, List<String> floor) {

    /** A training run on a busy machine can take minutes: it is not what is timed, so it is given longer. */
    static final int MIN_TRAINING_SECONDS = 900;

    /** With {@code floor}, the echo bot with Waymark's data layer ({@link DataFloor}) too; otherwise that is empty. */
    static Launch prepare(StartMode mode, List<String> jvm, Path work, int startTimeoutSeconds, boolean floor,
                          StartupBench bench, PrintStream out) throws Exception {
        int timeoutSeconds = Math.max(startTimeoutSeconds, MIN_TRAINING_SECONDS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        boolean fromJar = System.getProperty("sun.java.command", "").split(" ")[0].endsWith(".jar");
        List<String> start;
        if (mode.archive()) {
            if (!fromJar) {
                throw new IllegalArgumentException("--mode " + mode.label() + " needs the runnable jar: "
                        + "java -jar target/waymark-0.1.0-SNAPSHOT.jar startup-bench --mode " + mode.label());
            }
            Path app = work.resolve("app");
            run(List.of(java, "-Djarmode=tools", "-jar", classPath, "extract", "--destination", app.toString()),
                    work.resolve("extract.log"), timeoutSeconds, "extracting the jar");
            start = List.of("-jar", app.resolve(Path.of(classPath).getFileName()).toString());
        } else {
            start = fromJar ? List.of("-jar", classPath)
                    : List.of("-cp", classPath, Subcommands.application().getName());
        }
        List<String> waymark = new ArrayList<>(List.of(java));
        waymark.addAll(jvm);
        if (mode.aot()) {
            waymark.add(StartMode.AOT_FLAG);
        }
        List<String> echo = new ArrayList<>(List.of(java));
        echo.addAll(jvm);
        List<String> withData = new ArrayList<>(echo);
        if (mode.archive()) {
            waymark.add(train(StartupBench.Bot.WAYMARK, waymark, start, bench, work, timeoutSeconds, out));
            echo.add(train(StartupBench.Bot.ECHO, echo, start, bench, work, timeoutSeconds, out));
            if (floor) {
                withData.add(train(StartupBench.Bot.FLOOR, withData, start, bench, work, timeoutSeconds, out));
            }
        }
        waymark.addAll(start);
        echo.addAll(start);
        withData.addAll(start);
        return new Launch(List.copyOf(waymark), List.copyOf(echo), floor ? List.copyOf(withData) : List.of());
    }

    /** One training run: the bot starts, answers a "hello", and is stopped, leaving the classes it loaded. */
    private static String train(StartupBench.Bot bot, List<String> launch, List<String> start, StartupBench bench,
                                Path work, int timeoutSeconds, PrintStream out) throws Exception {
        Path archive = work.resolve(bot + ".jsa");
        List<String> command = new ArrayList<>(launch);
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.addAll(start);
        long began = System.nanoTime();
        bench.train(bot, command, archive, Files.createDirectories(work.resolve(bot + "-training")), timeoutSeconds);
        out.printf(Locale.ROOT, "startup-bench: %s's class-data-sharing archive made by a training run to its first "
                + "answer in %d ms%n", bot, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        return "-XX:SharedArchiveFile=" + archive;
    }

    private static void run(List<String> command, Path log, int timeoutSeconds, String what)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(what + " took longer than " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " stopped with exit code " + process.exitValue()
                    + "; its last lines:\n" + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no output)";
        }
    }
}
