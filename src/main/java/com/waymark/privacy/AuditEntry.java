package com.waymark.privacy;

import java.time.Instant;

/**
 * One read, as it is shown back: when, what, in which programme, by whom, over how many people.
 *
 * @param readerId null when the reader has since erased their own data
 */
public record AuditEntry(Instant at, ReadKind kind, Long programmeId, Long readerId, int peopleIncluded) {
}
