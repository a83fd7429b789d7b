package com.waymark.checkin;

import java.util.List;

/** What happened to a submitted check-in: saved (with the person's trend) or refused with reasons. */
public sealed interface CheckInResult {

    /**
     * What the reply and the support check need of the stored check-in, as plain values: the edge renders these and
     * never holds the entity. {@code reflection} is the stripped text (null without one), never logged.
     */
    record Saved(long checkInId, long participantId, int wellbeing, String reflection, boolean quoteOk, Trend trend)
            implements CheckInResult {

        /** Without the reflection, so that no log line or error report can carry what the person wrote. */
        @Override
        public String toString() {
            return "Saved[checkInId=" + checkInId + ", participantId=" + participantId + "]";
        }
    }

    /** Nothing was stored; each problem is a sentence the participant can act on. */
    record Rejected(List<String> problems) implements CheckInResult {
    }
}
