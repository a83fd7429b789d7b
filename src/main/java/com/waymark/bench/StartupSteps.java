package com.waymark.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long mainCpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Subcommands.application())
                .applicationStartup(recorder).logStartupInfo(false)
                .run("--spring.profiles.active=", "--waymark.bot.app-id=", "--waymark.data-dir=" + dataDir,
                        "--server.port=0", "--logging.level.root=WARN", BenchRuntime.quartzOfItsOwn(),
                        "--logging.level.com.waymark.teams.BotFrameworkConfiguration=ERROR")) {
            double wholeMs = (System.nanoTime() - start) / 1e6;
            long mainCpuMs = (threads.getCurrentThreadCpuTime() - mainCpuBefore) / 1_000_000;
            long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesBefore;
            List<StartupTimeline.TimelineEvent> events = recorder.getBufferedTimeline().getEvents();
            long created = events.stream().filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                    .count();
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            // Counts, not times: the same on a busy machine as on a quiet one, so a change can be judged anywhere.
            out.printf(Locale.ROOT, "startup-bench: counts until ready: classes-loaded=%d beans-created=%d "
                    + "singletons=%d bean-definitions=%d lazy-definitions=%d main-thread-cpu-ms=%d%n", classes, created,
                    beans.getSingletonCount(), beans.getBeanDefinitionCount(), lazyDefinitions(beans), mainCpuMs);
            List<Step> steps = slowest(events, limit);
            out.printf(Locale.ROOT, "startup-bench: one start in this JVM took %.0f ms; its %d slowest steps by their own "
                    + "time (without the steps inside them):%n", wholeMs, steps.size());
            out.printf(Locale.ROOT, "%9s %9s  %s%n", "self ms", "total ms", "step");
            steps.forEach(s -> out.printf(Locale.ROOT, "%9.0f %9.0f  %s%n", s.selfMs(), s.totalMs(), s.name()));
            List<Step> unreached = notNeededByATurn(beans, events, limit);
            out.printf(Locale.ROOT, "startup-bench: Waymark's beans created at start-up that a turn does not reach "
                    + "(not behind the bot's controller), by their whole time:%n");
            unreached.forEach(s -> out.printf(Locale.ROOT, "%9.0f %9.0f  %s%n", s.selfMs(), s.totalMs(), s.name()));
        } finally {
            BenchRuntime.deleteQuietly(dataDir);
        }
    }

    private static long lazyDefinitions(ConfigurableListableBeanFactory beans) {
        return Arrays.stream(beans.getBeanDefinitionNames()).filter(n -> beans.getBeanDefinition(n).isLazyInit()).count();
    }

    /**
     * Waymark's own beans that were created during start-up although nothing the bot's controller depends on, however
     * indirectly, needs them: the candidates for lazy initialisation (some are still needed at once, e.g. a job).
     */
    static List<Step> notNeededByATurn(ConfigurableListableBeanFactory beans, List<StartupTimeline.TimelineEvent> events,
                                       int limit) {
        Set<String> reached = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of("botController"));
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (reached.add(name)) {
                toVisit.addAll(Arrays.asList(beans.getDependenciesForBean(name)));
            }
        }
        Map<Long, Double> childrenMs = new HashMap<>();
        events.forEach(e -> {
            if (e.getStartupStep().getParentId() != null) {
                childrenMs.merge(e.getStartupStep().getParentId(), millis(e), Double::sum);
            }
        });
        List<Step> unreached = new ArrayList<>();
        for (StartupTimeline.TimelineEvent event : events) {
            String bean = tag(event.getStartupStep(), "beanName");
            if (!event.getStartupStep().getName().equals("spring.beans.instantiate") || bean == null
                    || reached.contains(bean) || !beans.containsBeanDefinition(bean)) {
                continue;
            }
            String type = beans.getBeanDefinition(bean).getBeanClassName();
            Class<?> actual = beans.getType(bean);
            String typeName = actual != null ? actual.getName() : type;
            if (typeName != null && typeName.startsWith("com.waymark.")) {
                unreached.add(new Step(bean + " (" + typeName.substring("com.waymark.".length()) + ")",
                        millis(event) - childrenMs.getOrDefault(event.getStartupStep().getId(), 0.0), millis(event)));
            }
        }
        return unreached.stream().sorted(Comparator.comparingDouble(Step::totalMs).reversed()).limit(limit).toList();
    }

    private static String tag(StartupStep step, String key) {
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals(key)) {
                return tag.getValue();
            }
        }
        return null;
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
