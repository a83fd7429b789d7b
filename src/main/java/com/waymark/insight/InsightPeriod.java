package com.waymark.insight;

import java.time.Duration;
import java.time.Instant;

/** A half-open span of time, [from, to), that a report covers. */
public record InsightPeriod(Instant from, Instant to) {

    public InsightPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A period must end after it starts");
        }
    }

    /** The period of the same length just before this one: what "trend" compares against. */
    public InsightPeriod previous() {
        return new InsightPeriod(from.minus(Duration.between(from, to)), from);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
