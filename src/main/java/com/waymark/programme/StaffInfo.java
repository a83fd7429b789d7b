package com.waymark.programme;

/** Someone on a programme's coaching team as other modules know them: who, and as coach or admin. */
public record StaffInfo(long programmeId, long participantId, Role role) {

    /** Admins can also manage the coaching team; both see team-level insight. */
    public enum Role { COACH, ADMIN }
}
