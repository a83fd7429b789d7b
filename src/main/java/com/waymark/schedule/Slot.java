package com.waymark.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When one person's check-in goes out: the nominal day of the rhythm (which keys the occurrence), the
 * moment it is sent after their own constraints, an optional reminder, and when it closes.
 */
public record Slot(LocalDate nominalDay, Instant nominalAt, Instant sendAt, Instant remindAt, Instant closesAt) {
}
