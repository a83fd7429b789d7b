package com.waymark.impact;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days an impact report covers, in the programme's time zone, both included: from the Monday of the week the
 * programme started (whole weeks, as every coach's report) to the day it was made.
 */
public record ImpactPeriod(LocalDate first, LocalDate last, ZoneId zone) {

    /** Whole or part weeks covered, rounded up: "6 weeks". */
    public long weeks() {
        return (ChronoUnit.DAYS.between(first, last) + 7) / 7;
    }
}
