package com.waymark.checkin;

import java.time.Instant;

/**
 * One action of a person's plan as other modules see it: a value copied inside the action plan's transaction.
 *
 * @param blocker what is in the way, as they noted it, or null
 * @param completedAt when it was done, or null while it is open
 */
public record ActionInfo(long id, int number, String text, boolean done, String blocker, Instant createdAt,
                         Instant completedAt) {
}
