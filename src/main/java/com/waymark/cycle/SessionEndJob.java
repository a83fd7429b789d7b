package com.waymark.cycle;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Fires at a session's recorded end: the end is claimed then, unless Teams' meeting-end event claimed it first. */
@DisallowConcurrentExecution
public class SessionEndJob implements Job {

    static final String SESSION_ID = "sessionId";

    private final SessionEnds ends;

    public SessionEndJob(SessionEnds ends) {
        this.ends = ends;
    }

    @Override
    public void execute(JobExecutionContext context) {
        ends.timerFired(context.getMergedJobDataMap().getLong(SESSION_ID));
    }
}
