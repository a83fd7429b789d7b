package com.waymark.programme;

import java.time.Instant;

/** A person's place in one programme as other modules know it: role, organisation, group, line manager, status. */
public record MembershipInfo(long programmeId, long participantId, Long groupId, String role, String organisation,
                             Long lineManagerId, Status status, Via enrolledVia, Instant joinedAt, Instant leftAt) {

    public enum Status { ACTIVE, LEFT, REMOVED }

    /** How the person came in: roster import, join code, chosen by the coach on a card, or demo data. */
    public enum Via { ROSTER, CODE, CARD, DEMO }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
