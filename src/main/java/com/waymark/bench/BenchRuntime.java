package com.waymark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmark subcommands share: the application on a scratch H2 database, and the process's memory. */
final class BenchRuntime {

    private BenchRuntime() {
    }

    /**
     * The whole Waymark application, as {@code java -jar} runs it, on an H2 file database in {@code dataDir}, in
     * local mode on a free loopback port; whatever profile or credentials the environment names are ignored.
     */
    static ConfigurableApplicationContext startWaymark(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=", "--waymark.bot.app-id=",
                "--waymark.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", quartzOfItsOwn(),
                // The bench says it runs in local mode; the banner would only interrupt its table.
                "--logging.level.com.waymark.teams.BotFrameworkConfiguration=ERROR"));
        args.addAll(Arrays.asList(extra));
        return new SpringApplicationBuilder(Subcommands.application()).logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    /**
     * Quartz registers each scheduler's database connection JVM-wide, by scheduler name: a second application in one
     * JVM under the default name would take over the first one's, and closing it would close the first one's pool.
     */
    static String quartzOfItsOwn() {
        return "--spring.quartz.scheduler-name=waymark-bench-" + java.util.UUID.randomUUID();
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Resident set size of this JVM in MB, from {@code /proc/self/status} (Linux); -1 elsewhere. */
    static long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** The machine's 1-minute load average, from {@code /proc/loadavg} (Linux); "?" elsewhere. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** CPU time this process has used, all threads, in nanoseconds; -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    static long heapUsedMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder under the temporary directory: left for the system to clean
        }
    }

    /** Percentile (0–100) of sorted samples, nearest rank. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
