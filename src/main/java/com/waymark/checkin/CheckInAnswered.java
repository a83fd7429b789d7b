package com.waymark.checkin;

/**
 * Published when a check-in has been saved. Carries no ratings and no text: listeners (metrics today)
 * learn only that a check-in was answered, and how.
 */
public record CheckInAnswered(long checkInId, CheckIn.Source source) {
}
