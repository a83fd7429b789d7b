package com.waymark.ops;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code quartz} in {@code /actuator/health} and the readiness group: UP when the scheduler has started and
 * is not in standby (so this instance takes its share of scheduled work) and its recurring jobs were not refused
 * ({@link QuartzJobsAfterStart}), DOWN otherwise.
 */
@Component
class QuartzHealthIndicator extends AbstractHealthIndicator {

    private final Scheduler scheduler;
    private final QuartzJobsAfterStart jobs;

    QuartzHealthIndicator(Scheduler scheduler, QuartzJobsAfterStart jobs) {
        super("Quartz scheduler health check failed");
        this.scheduler = scheduler;
        this.jobs = jobs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
        SchedulerMetaData meta = scheduler.getMetaData();
        boolean running = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown() && !jobs.failed();
        (running ? builder.up() : builder.down())
                .withDetail("scheduler", meta.getSchedulerName())
                .withDetail("instanceId", meta.getSchedulerInstanceId())
                .withDetail("started", meta.isStarted())
                .withDetail("standby", meta.isInStandbyMode())
                .withDetail("clustered", meta.isJobStoreClustered())
                .withDetail("jobs", jobs.failed() ? "not stored" : jobs.stored() ? "stored" : "storing");
    }
}
