package com.waymark.programme;

/**
 * Published when someone becomes a member of a programme (they joined with its code, or a coach enrolled them),
 * inside that transaction, so what a feature plans for a new member (a diagnostic, a baseline measure) is queued in
 * the same commit or not at all. {@code rejoined}: they had left it and came back; {@code via}: how they came in
 * ({@link MembershipInfo.Via#DEMO}: seeded with history, not starting).
 */
public record MembershipStarted(long participantId, long programmeId, boolean rejoined, MembershipInfo.Via via) {
}
