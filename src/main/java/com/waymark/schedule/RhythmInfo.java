package com.waymark.schedule;

/**
 * A programme's (or one group's) check-in rhythm as other modules know it: a value read back from what was stored.
 *
 * @param groupId the group it is for, or null for everyone in the programme
 */
public record RhythmInfo(long programmeId, Long groupId, CheckInRhythm rhythm) {
}
