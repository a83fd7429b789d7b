package com.waymark.privacy;

import java.time.Instant;

/**
 * One read, as it is shown back: when, what, in which programme, by whom, over how many people.
 *
 * @param programme the programme's name, null if the read was not about one programme
 * @param reader    the reader's name; null when they have since erased their own data
 */
public record AuditEntry(Instant at, ReadKind kind, String what, String programme, String reader,
                         int peopleIncluded) {
}
