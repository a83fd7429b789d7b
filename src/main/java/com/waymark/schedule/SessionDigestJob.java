package com.waymark.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;

/** Fires before a coaching session; the digest itself is composed by whoever implements {@link SessionDigests}. */
@DisallowConcurrentExecution
public class SessionDigestJob implements Job {

    private final SessionDigests digests;

    public SessionDigestJob(SessionDigests digests) {
        this.digests = digests;
    }

    /** The session's digest trigger (and job), planned by {@link SessionTriggers}. */
    static JobKey key(long sessionId) {
        return JobKey.jobKey("session-" + sessionId, "session-digest");
    }

    @Override
    public void execute(JobExecutionContext context) {
        digests.sessionApproaching(context.getMergedJobDataMap().getLong(SessionTriggers.SESSION_ID));
    }
}
