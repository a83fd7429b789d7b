package com.waymark.cycle;

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
 * One durable Quartz trigger per session at its recorded end, in the clustered JDBC store like the pre-session
 * digest's: it survives restarts and fires on one instance. If Teams said the meeting ended first, the trigger still
 * fires and finds the end already claimed ({@link SessionEnds}), so the card goes once either way.
 */
@Component
public class SessionEndScheduler {

    static final String GROUP = "session-end";

    private final Scheduler scheduler;
    private final Clock clock;

    public SessionEndScheduler(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void schedule(CycleSession session) {
        JobKey key = JobKey.jobKey("end-" + session.getSessionId(), GROUP);
        JobDetail job = JobBuilder.newJob(SessionEndJob.class).withIdentity(key)
                .usingJobData(SessionEndJob.SESSION_ID, session.getSessionId()).storeDurably(false).build();
        Instant now = clock.instant();
        Instant fireAt = session.getEndsAt().isAfter(now) ? session.getEndsAt() : now;
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("end-" + session.getSessionId(), GROUP)
                .startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.checkExists(key)) {
                scheduler.deleteJob(key);
            }
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule the session's end", e);
        }
    }
}
