package com.waymark.checkin;

import java.time.Instant;

/**
 * Published when a check-in is saved, inside the saving transaction, so that whoever planned it
 * (scheduling) can close its occurrence in the same commit, and metrics can count it after commit.
 * Carries no ratings and no text; {@code hasReflection} says whether there is text to embed (most work after a
 * check-in is about its reflection, and a check-in without one needs none of it).
 */
public record CheckInRecorded(long checkInId, long participantId, Long occurrenceId, Instant at,
                              CheckInSubmission.Source source, boolean hasReflection) {

    /** With a reflection, as before the flag: whoever cannot tell assumes there is text. */
    public CheckInRecorded(long checkInId, long participantId, Long occurrenceId, Instant at, CheckInSubmission.Source source) {
        this(checkInId, participantId, occurrenceId, at, source, true);
    }
}
