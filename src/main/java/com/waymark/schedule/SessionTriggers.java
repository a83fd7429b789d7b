package com.waymark.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.quartz.Job;
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
 * A session's moments, one durable Quartz trigger each (its pre-session digest here, its end in {@code cycle}), in the
 * clustered JDBC job store: it survives restarts and fires on one instance. Planning it again under the same key
 * replaces it, so a session that moves is planned once more. It joins the caller's transaction (Spring's job store
 * does), so a session is never stored without its trigger.
 * <p>
 * A moment already come fires now, not at its time in the past: Quartz's JDBC store leaves a trigger more than its
 * misfire threshold (a minute) in the past to the misfire scan, which runs once a minute, so it would come up to a
 * minute late. After downtime a missed one fires once, at start-up (fire-now misfire handling).
 */
@Component
public class SessionTriggers {

    /** The session's id in the job's data: what each job reads. */
    public static final String SESSION_ID = "sessionId";

    private final Scheduler scheduler;
    private final Clock clock;

    public SessionTriggers(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Runs {@code job} once for the session at {@code at}, or now if that has come, replacing any plan under key. */
    public void plan(JobKey key, Class<? extends Job> job, long sessionId, Instant at) {
        JobDetail detail = JobBuilder.newJob(job).withIdentity(key).usingJobData(SESSION_ID, sessionId)
                .storeDurably(false).build();
        Instant now = clock.instant();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup())
                .startAt(Date.from(at.isAfter(now) ? at : now))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.checkExists(key)) {
                scheduler.deleteJob(key);
            }
            scheduler.scheduleJob(detail, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not plan " + key, e);
        }
    }
}
