package com.waymark.cycle;

import com.waymark.schedule.SessionTriggers;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;

/**
 * Fires at a session's recorded end, planned by {@link SessionTriggers} when the session is recorded: the end is
 * claimed then, unless Teams' meeting-end event claimed it first (the trigger still fires and finds it claimed, in
 * {@link SessionEnds}, so the card goes once either way).
 */
@DisallowConcurrentExecution
public class SessionEndJob implements Job {

    private final SessionEnds ends;

    public SessionEndJob(SessionEnds ends) {
        this.ends = ends;
    }

    /** The session's end trigger (and job). */
    static JobKey key(long sessionId) {
        return JobKey.jobKey("end-" + sessionId, "session-end");
    }

    @Override
    public void execute(JobExecutionContext context) {
        ends.timerFired(context.getMergedJobDataMap().getLong(SessionTriggers.SESSION_ID));
    }
}
