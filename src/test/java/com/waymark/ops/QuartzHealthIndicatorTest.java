package com.waymark.ops;

import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** Ready only while the scheduler runs: not before it starts, not in standby, not after shutdown. */
class QuartzHealthIndicatorTest {

    @Test
    void upOnlyWhileStartedAndNotInStandby() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "health-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
        var health = new QuartzHealthIndicator(scheduler,
                QuartzJobsAfterStartTest.jobs(scheduler, java.util.List.of(), java.util.List.of()));
        try {
            assertThat(health.health().getStatus()).as("created, not started").isEqualTo(Status.DOWN);
            scheduler.start();
            assertThat(health.health().getStatus()).as("started").isEqualTo(Status.UP);
            scheduler.standby();
            assertThat(health.health().getStatus()).as("standby").isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsEntry("standby", true);
            scheduler.start();
            assertThat(health.health().getStatus()).as("started again").isEqualTo(Status.UP);
        } finally {
            scheduler.shutdown();
        }
        assertThat(health.health().getStatus()).as("shut down").isEqualTo(Status.DOWN);
    }
}
