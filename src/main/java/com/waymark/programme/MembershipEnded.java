package com.waymark.programme;

/**
 * Published when someone stops being a member of a programme (they left it, or were removed from the team that
 * enrolled them), inside that transaction: scheduling and peer coaching cancel what they had planned or queued for
 * the person in that programme in the same commit, so nothing more of it reaches them.
 */
public record MembershipEnded(long participantId, long programmeId, MembershipInfo.Status reason) {
}
