package com.waymark.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cds-training}, for {@code deploy/run.sh}: makes Waymark's class-data-sharing archive by a training run that goes
 * as far as a first answer ({@link StartupBench#train}): Waymark starts from this jar with {@code --jvm} and
 * {@code -XX:ArchiveClassesAtExit}, in local mode on a scratch database of its own and free ports, answers a new
 * person's "hello", and is stopped gracefully, when the JVM writes the archive. The same training run as
 * {@code startup-bench --mode cds} gives Waymark, so the benchmark measures the start that {@code deploy/run.sh} makes.
 */
public final class CdsTraining implements Subcommand {

    static final String NAME = "cds-training";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "(used by deploy/run.sh) a class-data-sharing archive from a training run to the first answer, on a "
                + "scratch database: --archive FILE [--jvm OPTIONS] [--timeout 900]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = BenchOptions.parse(args, List.of("archive", "jvm", "timeout"));
        if (!options.has("archive")) {
            throw new IllegalArgumentException("--archive FILE is needed");
        }
        Path archive = Path.of(options.text("archive", "")).toAbsolutePath();
        int timeout = options.integer("timeout", Launch.MIN_TRAINING_SECONDS, 5, 3_600);
        String jar = System.getProperty("java.class.path");
        if (!System.getProperty("sun.java.command", "").split(" ")[0].endsWith(".jar")) {
            throw new IllegalArgumentException("needs the runnable jar: java -jar waymark.jar " + NAME + " ...");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(StartupBench.splitOptions(options.text("jvm", "")));
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", jar));
        Path scratch = Files.createTempDirectory("waymark-cds-training-");
        try {
            new StartupBench().train(StartupBench.Bot.WAYMARK, command, archive, scratch, timeout);
        } finally {
            BenchRuntime.deleteQuietly(scratch);
        }
        out.println(NAME + ": wrote " + archive);
        return 0;
    }
}
