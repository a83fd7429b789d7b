package com.waymark.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Fires before a coaching session; the digest itself is composed by whoever implements {@link SessionDigests}. */
@DisallowConcurrentExecution
public class SessionDigestJob implements Job {

    static final String SESSION_ID = "sessionId";

    private final SessionDigests digests;

    public SessionDigestJob(SessionDigests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext context) {
        digests.sessionApproaching(context.getMergedJobDataMap().getLong(SESSION_ID));
    }
}
