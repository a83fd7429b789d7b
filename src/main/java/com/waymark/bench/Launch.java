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
 * a training run of its own, exactly as {@code deploy/run.sh} makes Waymark's (it starts, and exits once its context is
 * refreshed).
 */
record Launch(List<String> waymark, List<String> echo) {

    /** A training run on a busy machine can take minutes: it is not what is timed, so it is given longer. */
    static final int MIN_TRAINING_SECONDS = 900;

    static Launch prepare(StartMode mode, List<String> jvm, Path work, int startTimeoutSeconds, PrintStream out)
            throws IOException, InterruptedException {
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
        if (mode.archive()) {
            Path scratch = Files.createDirectories(work.resolve("training-data"));
            waymark.add(train("waymark", waymark, start, StartupBench.waymarkArguments(scratch, 0, 0), work,
                    timeoutSeconds, out));
            echo.add(train("echo", echo, start, List.of(EchoBotWorker.NAME, "--server.port=0"), work, timeoutSeconds,
                    out));
        }
        waymark.addAll(start);
        echo.addAll(start);
        return new Launch(List.copyOf(waymark), List.copyOf(echo));
    }

    /** One training run: the bot starts and exits once its context is refreshed, leaving the classes it loaded. */
    private static String train(String bot, List<String> launch, List<String> start, List<String> args, Path work,
                                int timeoutSeconds, PrintStream out) throws IOException, InterruptedException {
        Path archive = work.resolve(bot + ".jsa");
        List<String> command = new ArrayList<>(launch);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"));
        command.addAll(start);
        command.addAll(args);
        long began = System.nanoTime();
        run(command, work.resolve(bot + "-training.log"), timeoutSeconds, "the " + bot + " training run");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the " + bot + " training run made no archive; its last lines:\n"
                    + tail(work.resolve(bot + "-training.log")));
        }
        out.printf(Locale.ROOT, "startup-bench: %s's class-data-sharing archive made by a training run in %d ms%n", bot,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
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
