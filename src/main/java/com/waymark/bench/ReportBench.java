package com.waymark.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.waymark.insight.ScopeRequest;
import com.waymark.insight.TeamInsights;
import com.waymark.insight.TeamSummary;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code report-bench}: how long a coach waits for {@code summary}, on the demo data and on one programme grown to
 * each of {@code --sizes} stored check-ins (as {@code growth-bench} grows it: weekly check-ins, a quarter with a
 * reflection and its stored embedding). Waymark runs in this JVM with the {@code demo} profile on a scratch H2 file,
 * with Quartz and the background precompute off, so that the benchmark decides when the themes are clustered ahead.
 * For the demo data and then each size it
 * <ul>
 * <li>clusters the themes ahead, as the precompute would once the data has landed ({@code precompute-ms}; for the
 * demo data this includes loading the models and embedding its reflections, which have none stored yet);</li>
 * <li>times the first {@code summary} at that size ({@code first-ms}: for the demo data the first report of this
 * JVM, its code paths not yet compiled; later sizes run with the JIT warmed by the ones before) and the median of
 * five more ({@code warm-ms});</li>
 * <li>and, for comparison, one summary with nothing computed ahead ({@code uncached-ms}: the stored results deleted,
 * so it clusters on the spot, as every first read did before).</li>
 * </ul>
 * Each read is a real one: the confidentiality policy, the release ledger and the audit run as for a coach.
 */
public final class ReportBench implements Subcommand {

    private static final int WARM_READS = 5;
    /** The reading thread's own CPU (H2 runs in it): what a read costs, whatever else the machine is doing. */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    @Override
    public String name() {
        return "report-bench";
    }

    @Override
    public String description() {
        return "a coach's first and warm summary, on the demo data and grown: [--sizes 10000] [--weeks 20]";
    }

    /** What one data set measured. */
    record Step(long checkIns, double precomputeMs, double firstMs, double warmMs, double uncachedMs,
                double firstCpuMs, double warmCpuMs) {
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = new BenchOptions(args, List.of("sizes", "weeks", "seed"));
        List<Integer> sizes = new ArrayList<>();
        for (String size : options.text("sizes", "10000").split(",")) {
            if (!size.isBlank()) {
                sizes.add(parseSize(size.strip()));
            }
        }
        int weeks = options.integer("weeks", 20, 2, 520);
        Random random = new Random(options.integer("seed", 42, 0, Integer.MAX_VALUE));
        Path dataDir = Files.createTempDirectory("waymark-report-");
        out.printf(Locale.ROOT, "report-bench: the demo data, then one programme of %s check-ins (%d weekly each, a "
                + "quarter with a reflection); H2 at %s, %d cores, load average %s%n", sizes, weeks, dataDir,
                Runtime.getRuntime().availableProcessors(), BenchRuntime.loadAverage());
        List<Step> steps = new ArrayList<>();
        try (ConnectorStub stub = new ConnectorStub();
             ConfigurableApplicationContext app = start(dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            TeamInsights insights = app.getBean(TeamInsights.class);
            // The demo profile's programme is the only one when the application has started on a new database.
            long demoProgramme = jdbc.queryForObject("select min(id) from programme", Long.class);
            long demoCoach = jdbc.queryForObject("select min(participant_id) from programme_staff where programme_id = ?",
                    Long.class, demoProgramme);
            steps.add(measure("demo", app, insights, demoProgramme, demoCoach, out));
            GrowthBench.Seeder seeder = new GrowthBench.Seeder(app, stub.serviceUrl(), weeks, 0.25, random);
            for (int size : sizes) {
                seeder.growTo(Math.max(1, size / weeks));
                steps.add(measure("grown", app, insights, seeder.programmeId, seeder.coachId, out));
            }
        } finally {
            BenchRuntime.deleteQuietly(dataDir);
        }
        out.printf(Locale.ROOT, "report-bench: first-ms=%s warm-ms=%s checkins=%s first-cpu-ms=%s warm-cpu-ms=%s%n",
                join(steps, Step::firstMs), join(steps, Step::warmMs),
                String.join(",", steps.stream().map(s -> Long.toString(s.checkIns())).toList()),
                join(steps, Step::firstCpuMs), join(steps, Step::warmCpuMs));
        return 0;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Subcommands.application()).web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.profiles.active=demo", "--waymark.data-dir=" + dataDir,
                        "--spring.quartz.auto-startup=false", "--waymark.insight.precompute.enabled=false",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off", BenchRuntime.quartzOfItsOwn());
    }

    private static Step measure(String what, ConfigurableApplicationContext app, TeamInsights insights,
                                long programmeId, long coachId, PrintStream out) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long stored = jdbc.queryForObject("select count(*) from check_in where programme_id = ?", Long.class,
                programmeId);
        long start = System.nanoTime();
        insights.precomputeThemes(programmeId);
        double precomputeMs = millisSince(start);

        start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        TeamSummary first = insights.summary(coachId, ScopeRequest.everything());
        double firstMs = millisSince(start);
        double firstCpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
        double[] warm = new double[WARM_READS];
        double[] warmCpu = new double[WARM_READS];
        for (int i = 0; i < WARM_READS; i++) {
            start = System.nanoTime();
            cpu = THREADS.getCurrentThreadCpuTime();
            insights.summary(coachId, ScopeRequest.everything());
            warm[i] = millisSince(start);
            warmCpu[i] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        double warmMs = warm[WARM_READS / 2];
        double warmCpuMs = warmCpu[WARM_READS / 2];

        String parts = parts(insights, coachId);

        jdbc.update("delete from theme_result where programme_id = ?", programmeId);
        start = System.nanoTime();
        TeamSummary uncached = insights.summary(coachId, ScopeRequest.everything());
        double uncachedMs = millisSince(start);
        if (!uncached.themes().equals(first.themes())) {
            throw new IllegalStateException("The themes clustered on the spot differ from those computed ahead");
        }
        out.printf(Locale.ROOT, "%s: check-ins=%d precompute-ms=%.0f first-ms=%.0f (cpu %.0f) warm-ms=%.0f (cpu %.0f) "
                + "uncached-ms=%.0f (%d themes shown, same on the spot; each part read alone, warm: %s) rss=%dMB "
                + "load=%s%n", what, stored, precomputeMs, firstMs, firstCpuMs, warmMs, warmCpuMs, uncachedMs,
                first.themes().themes().size(), parts, BenchRuntime.rssMegabytes(), BenchRuntime.loadAverage());
        return new Step(stored, precomputeMs, firstMs, warmMs, uncachedMs, firstCpuMs, warmCpuMs);
    }

    /** Where a warm summary's time goes: each of its parts read on its own, in milliseconds. */
    private static String parts(TeamInsights insights, long coachId) {
        ScopeRequest all = ScopeRequest.everything();
        long t0 = System.nanoTime();
        insights.participation(coachId, all);
        long t1 = System.nanoTime();
        insights.wellbeing(coachId, all);
        long t2 = System.nanoTime();
        insights.actions(coachId, all);
        long t3 = System.nanoTime();
        insights.themes(coachId, all);
        long t4 = System.nanoTime();
        return String.format(Locale.ROOT, "participation %.0f, wellbeing %.0f, actions %.0f, themes %.0f",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static int parseSize(String raw) {
        try {
            int size = Integer.parseInt(raw);
            if (size < 10 || size > 10_000_000) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sizes takes whole numbers from 10 to 10000000, comma separated");
        }
    }

    private static String join(List<Step> steps, java.util.function.ToDoubleFunction<Step> field) {
        return String.join(",", steps.stream().map(s -> String.format(Locale.ROOT, "%.0f", field.applyAsDouble(s)))
                .toList());
    }
}
