package com.waymark.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start-up goes ({@code startup-bench --steps N}): Waymark started once in this JVM, with Spring's
 * {@link BufferingApplicationStartup} recording every step (each bean's creation, the context refresh, the web
 * server), then the N steps that took longest themselves: a bean's own time, without the beans created for it inside
 * (Flyway's migrations sit in {@code flywayInitializer}, Hibernate's bootstrap in {@code entityManagerFactory}, Quartz's
 * in {@code quartzScheduler}).
 */
final class StartupSteps {

    private StartupSteps() {
    }

    /** One recorded step: its own time (children taken off) and its whole time, in ms. */
    record Step(String name, double selfMs, double totalMs) {
    }

    static void print(int limit, PrintStream out) throws Exception {
        Path dataDir = Files.createTempDirectory("waymark-startup-steps-");
        BufferingApplicationStartup recorder = new BufferingApplicationStartup(100_000);
        long start = System.nanoTime();
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(Subcommands.application())
                .applicationStartup(recorder).logStartupInfo(false)
                .run("--spring.profiles.active=", "--waymark.bot.app-id=", "--waymark.data-dir=" + dataDir,
                        "--server.port=0", "--logging.level.root=WARN", BenchRuntime.quartzOfItsOwn(),
                        "--logging.level.com.waymark.teams.BotFrameworkConfiguration=ERROR")) {
            double wholeMs = (System.nanoTime() - start) / 1e6;
            List<Step> steps = slowest(recorder.getBufferedTimeline().getEvents(), limit);
            out.printf(Locale.ROOT, "startup-bench: one start in this JVM took %.0f ms; its %d slowest steps by their own "
                    + "time (without the steps inside them):%n", wholeMs, steps.size());
            out.printf(Locale.ROOT, "%9s %9s  %s%n", "self ms", "total ms", "step");
            steps.forEach(s -> out.printf(Locale.ROOT, "%9.0f %9.0f  %s%n", s.selfMs(), s.totalMs(), s.name()));
        } finally {
            BenchRuntime.deleteQuietly(dataDir);
        }
    }

    static List<Step> slowest(List<StartupTimeline.TimelineEvent> events, int limit) {
        Map<Long, Double> childrenMs = new HashMap<>();
        for (StartupTimeline.TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childrenMs.merge(parent, millis(event), Double::sum);
            }
        }
        return events.stream()
                .map(e -> new Step(label(e.getStartupStep()),
                        millis(e) - childrenMs.getOrDefault(e.getStartupStep().getId(), 0.0), millis(e)))
                .sorted(Comparator.comparingDouble(Step::selfMs).reversed()).limit(limit).toList();
    }

    private static double millis(StartupTimeline.TimelineEvent event) {
        return event.getDuration().toNanos() / 1e6;
    }

    /** The step's name and the tag that says which: the bean, the post-processor, the configuration class. */
    private static String label(StartupStep step) {
        StringBuilder label = new StringBuilder(step.getName());
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")
                    || tag.getKey().equals("classCount") || tag.getKey().equals("beanType") && label.indexOf(" ") < 0) {
                label.append(' ').append(tag.getValue());
            }
        }
        return label.toString();
    }
}
