package com.waymark.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.waymark.checkin.Prompt;
import com.waymark.checkin.PromptLibrary;
import com.waymark.insight.ReflectionEmbeddings;
import com.waymark.insight.themes.IdlePriority;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waymark for {@code load-bench}, in a JVM of its own so that its CPU time and memory are measured apart from the load
 * generator's: the whole application as {@code java -jar} runs it, on a scratch H2 file database in local mode. It
 * says {@code ready} with its port and the prompts' ids, then answers one line per command read from standard input:
 * {@code meters} (the embedding queue's meters and the garbage collector's totals), {@code embed} (waits for the
 * queue, then embeds what overflowed it, as the backfill would), {@code memory}. It stops when its input ends.
 */
public final class LoadBenchServer implements Subcommand {

    static final String NAME = "load-bench-server";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "(used by load-bench) Waymark on a scratch database, driven by commands on standard input";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = new BenchOptions(args, List.of("data-dir"));
        Path dataDir = Path.of(options.text("data-dir", Files.createTempDirectory("waymark-load-bench-").toString()));
        try (ConfigurableApplicationContext waymark = BenchRuntime.startWaymark(dataDir, LoadBench.UNLIMITED)) {
            List<String> prompts = waymark.getBean(PromptLibrary.class).all().stream().map(Prompt::id).toList();
            MeterRegistry meters = waymark.getBean(MeterRegistry.class);
            JdbcTemplate jdbc = waymark.getBean(JdbcTemplate.class);
            say(out, "ready port=%d prompts=%s", BenchRuntime.port(waymark), String.join(",", prompts));
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                switch (command.strip()) {
                    case "meters" -> say(out, "meters dropped=%.0f pending=%.0f backlog-age-s=%.3f gc-count=%d gc-ms=%d",
                            meters.get("waymark.embeddings.dropped").counter().count(),
                            meters.get("waymark.embeddings.pending").gauge().value(),
                            meters.get("waymark.embeddings.backlog.age").gauge().value(), gcCount(), gcMillis());
                    case "embed" -> {
                        Embedded embedded = embedEverything(waymark, meters);
                        say(out, "embedded queued-s=%.3f backfill-s=%.3f overflowed=%d", embedded.queuedSeconds(),
                                embedded.backfillSeconds(), embedded.overflowed());
                    }
                    case "memory" -> say(out, "memory heap-used-mb=%d stored=%d", BenchRuntime.heapUsedMegabytes(),
                            jdbc.queryForObject("select count(*) from check_in", Long.class));
                    default -> say(out, "unknown command '%s'", command.strip());
                }
            }
        } finally {
            BenchRuntime.deleteQuietly(dataDir);
        }
        return 0;
    }

    private static void say(PrintStream out, String format, Object... values) {
        out.println(NAME + ": " + String.format(Locale.ROOT, format, values));
        out.flush();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** How long the queued reflections took to be embedded, then those that had overflowed the queue, and how many. */
    record Embedded(double queuedSeconds, double backfillSeconds, int overflowed) {
    }

    /**
     * Waits (up to ten minutes) for the queued reflections to be embedded, then embeds those that overflowed the queue,
     * as the backfill would (its Quartz job runs every few minutes, too late for this benchmark).
     */
    private static Embedded embedEverything(ConfigurableApplicationContext waymark, MeterRegistry meters)
            throws InterruptedException {
        long start = System.nanoTime();
        while (meters.get("waymark.embeddings.pending").gauge().value() > 0
                && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
            Thread.sleep(200);
        }
        double queued = (System.nanoTime() - start) / 1e9;
        long backfillStart = System.nanoTime();
        List<Long> missing = waymark.getBean(JdbcTemplate.class).queryForList(
                "select c.id from check_in c left join reflection_embedding e on e.check_in_id = c.id "
                        + "where c.reflection is not null and e.check_in_id is null order by c.id", Long.class);
        // On this thread at normal priority: on a machine kept busy by other processes, idle CPU may never come.
        IdlePriority.onCallersThread(() -> waymark.getBean(ReflectionEmbeddings.class).vectors(missing));
        return new Embedded(queued, (System.nanoTime() - backfillStart) / 1e9, missing.size());
    }
}
