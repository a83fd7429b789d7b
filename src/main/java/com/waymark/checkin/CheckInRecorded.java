package com.waymark.checkin;

import java.time.Instant;

/**
 * Published when a check-in is saved, inside the saving transaction, so that whoever planned it
 * (scheduling) can close its occurrence in the same commit, and metrics can count it after commit.
 * Carries no ratings and no text.
 */
public record CheckInRecorded(long checkInId, long participantId, Long occurrenceId, Instant at,
                              CheckIn.Source source) {
}
