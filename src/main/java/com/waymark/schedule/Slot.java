package com.waymark.schedule;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When one person's check-in goes out: the nominal day of the rhythm (which keys the occurrence), the
 * moment it is sent after their own constraints, an optional reminder, and when it closes. {@code away}: it fell on
 * days they are away and could not move to a day they are not within {@link SlotCalculator#MAX_SHIFT_DAYS}, so it is
 * recorded as such and never sent.
 */
record Slot(LocalDate nominalDay, Instant nominalAt, Instant sendAt, Instant remindAt, Instant closesAt,
                   boolean away) {

    public Slot(LocalDate nominalDay, Instant nominalAt, Instant sendAt, Instant remindAt, Instant closesAt) {
        this(nominalDay, nominalAt, sendAt, remindAt, closesAt, false);
    }

    static Slot away(LocalDate nominalDay, Instant nominalAt) {
        return new Slot(nominalDay, nominalAt, nominalAt, null, nominalAt, true);
    }
}
