package com.waymark.schedule;

import java.time.Instant;
import java.util.Date;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.stereotype.Component;

/**
 * The hook for the pre-session digest: one durable Quartz trigger per recorded session, at
 * {@code startsAt − digestHours}. It survives restarts in the JDBC job store; after downtime a missed
 * digest fires once, at start-up, if the session has not begun.
 */
@Component
public class SessionDigestScheduler {

    static final String GROUP = "session-digest";

    private final Scheduler scheduler;

    public SessionDigestScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(CoachingSession session) {
        JobKey key = JobKey.jobKey("session-" + session.getId(), GROUP);
        JobDetail job = JobBuilder.newJob(SessionDigestJob.class).withIdentity(key)
                .usingJobData(SessionDigestJob.SESSION_ID, session.getId()).storeDurably(false).build();
        Instant fireAt = session.digestAt().isBefore(Instant.EPOCH) ? Instant.EPOCH : session.digestAt();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("session-" + session.getId(), GROUP)
                .startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.checkExists(key)) {
                scheduler.deleteJob(key);
            }
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule the pre-session digest", e);
        }
    }
}
