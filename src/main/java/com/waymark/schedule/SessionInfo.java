package com.waymark.schedule;

import java.time.Instant;

/** A coaching session as other modules see it: when it starts, and how long before it the digest goes. */
public record SessionInfo(long id, long programmeId, Instant startsAt, int digestHours) {

    public Instant digestAt() {
        return startsAt.minusSeconds(3600L * digestHours);
    }

    /**
     * Whether the digest goes at once: its moment ({@link #digestAt}) has already come, as for a session recorded
     * less than {@code digestHours} ahead.
     */
    public boolean digestGoesAtOnce(Instant now) {
        return !digestAt().isAfter(now);
    }
}
