package com.waymark.ops;

import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.stereotype.Component;

/**
 * Which beans {@code spring.main.lazy-initialization} makes lazy: only those listed here, which no turn reaches (they
 * are not behind the bot's controller; {@code startup-bench --steps} lists such beans), which register no meters and
 * start no threads, and which are first needed when an event or a job asks for them. Every other bean is excluded from lazy initialisation and made at
 * start-up as before, so a mistake in configuration still fails the start, not the first message.
 * <p>
 * Named, not imported: most are package-private in their modules ({@code LazyUntilUsedTest} checks each exists).
 */
@Component
final class LazyUntilUsed implements LazyInitializationExcludeFilter {

    static final Set<String> LAZY = Set.of(
            // The embedding backfill (a Quartz job). Not the embedding queue or the precompute: they register meters,
            // which must be on /actuator/prometheus from the start.
            "com.waymark.insight.EmbeddingBackfill",
            // Run by Quartz's jobs, which start after the application is ready.
            "com.waymark.schedule.CheckInTicker",
            "com.waymark.schedule.RetentionSweep",
            "com.waymark.schedule.CoachCallDelivery",
            "com.waymark.schedule.SessionDigests",
            "com.waymark.programme.ProgrammeRetention",
            // Listeners of events that no first message raises.
            "com.waymark.schedule.StaffJoinedNotices",
            "com.waymark.schedule.ThresholdNotices",
            "com.waymark.schedule.CheckInsOnLeaving");

    @Override
    public boolean isExcluded(String beanName, BeanDefinition definition, Class<?> beanType) {
        return beanType == null || !LAZY.contains(beanType.getName());
    }
}
