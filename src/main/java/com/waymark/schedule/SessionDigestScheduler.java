package com.waymark.schedule;

import java.time.Clock;
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
 * digest fires once, at start-up, if the session has not begun. A digest already due (the session is less than
 * {@code digestHours} away) starts now, not at its moment in the past: Quartz's JDBC store leaves a trigger more than
 * its misfire threshold (a minute) in the past to the misfire scan, which runs once a minute, so it would come up to a
 * minute late. It is still one trigger that fires once.
 */
@Component
class SessionDigestScheduler {

    static final String GROUP = "session-digest";

    private final Scheduler scheduler;
    private final Clock clock;

    public SessionDigestScheduler(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void schedule(CoachingSession session) {
        JobKey key = JobKey.jobKey("session-" + session.getId(), GROUP);
        JobDetail job = JobBuilder.newJob(SessionDigestJob.class).withIdentity(key)
                .usingJobData(SessionDigestJob.SESSION_ID, session.getId()).storeDurably(false).build();
        Trigger trigger = trigger(session);
        try {
            if (scheduler.checkExists(key)) {
                scheduler.deleteJob(key);
            }
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule the pre-session digest", e);
        }
    }

    /** Fires once, at the digest's moment, or now if that has come (fire-now after downtime too). */
    Trigger trigger(CoachingSession session) {
        Instant now = clock.instant();
        Instant fireAt = session.digestGoesAtOnce(now) ? now : session.digestAt();
        return TriggerBuilder.newTrigger().withIdentity("session-" + session.getId(), GROUP)
                .startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }
}
