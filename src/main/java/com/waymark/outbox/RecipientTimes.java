package com.waymark.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * When participants may next be messaged on their own clock (quiet hours, days away, their "after"). The schedule
 * module keeps those answers and implements this; the outbox asks it once per batch instead of reading its tables.
 */
public interface RecipientTimes {

    /** For each id with a clock of its own, the first moment at or after {@code now} they may be messaged. */
    Map<Long, Instant> nextReachable(Collection<Long> participantIds, Instant now);
}
