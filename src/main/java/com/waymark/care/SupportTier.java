package com.waymark.care;

/**
 * How much a check-in calls for, and so how much its reply offers: the help is matched to what the person said,
 * never more alarming than their own answer.
 */
public enum SupportTier {
    /** One low week: a warm line and an offer to talk, no list of services. */
    LOW_WEEK,
    /** Low for several check-ins running: a clearer offer of a call with the coach, and staff wellbeing support. */
    LOW_RUN,
    /** Their own words suggest they may be at risk: every route to help, emergency ones first. */
    URGENT
}
