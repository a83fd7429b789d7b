package com.waymark.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programmes whose end date is near, for what a feature does as a programme closes (its evaluation). */
@Service
public class ProgrammesEnding {

    private final ProgrammeRepository programmes;

    ProgrammesEnding(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    /**
     * Programmes whose last day, in their own time zone, is today or within {@code days} days of it: today's date is
     * taken in each programme's zone, so a programme in Auckland and one in London each close on their own day.
     */
    @Transactional(readOnly = true)
    public List<ProgrammeInfo> endingWithin(Instant now, int days) {
        return programmes.findByEndsOnNotNull().stream().filter(p -> {
            LocalDate today = LocalDate.ofInstant(now, ZoneId.of(p.getTimeZone()));
            LocalDate endsOn = p.settings().endsOn();
            return !endsOn.isBefore(today) && !endsOn.isAfter(today.plusDays(days));
        }).map(Programme::info).toList();
    }
}
