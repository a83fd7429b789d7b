package com.waymark.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * Wellbeing and energy for the period. Each person counts once: their own mean over the period, so that
 * someone who checks in daily does not outweigh someone who checks in weekly. A null figure is hidden.
 *
 * @param people      distinct people who rated, or null when fewer than the threshold
 * @param mean        mean of the people's mean wellbeing (1–5)
 * @param energy      the same for energy
 * @param previous    the previous period's mean, shown only when the change may be
 * @param change      mean minus previous
 * @param notableFall true when the team's wellbeing fell by at least the configured amount: a team-level flag
 * @param bands       how many people's mean rounds to 1, 2, 3, 4, 5 (null count = hidden)
 * @param weeks       weekly means, oldest first, for the trend line (null values = hidden week)
 * @param heldBack    hidden by the release ledger (shown before from people who differ by a handful), not for size
 */
public record WellbeingReport(Integer people, Double mean, Double energy, Double previous, Double change,
                              boolean notableFall, List<Band> bands, List<Week> weeks, boolean heldBack) {

    public WellbeingReport {
        bands = List.copyOf(bands);
        weeks = List.copyOf(weeks);
    }

    public WellbeingReport(Integer people, Double mean, Double energy, Double previous, Double change,
                           boolean notableFall, List<Band> bands, List<Week> weeks) {
        this(people, mean, energy, previous, change, notableFall, bands, weeks, false);
    }

    public record Band(int score, Integer people) {
    }

    public record Week(LocalDate weekOf, Double wellbeing, Double energy) {
    }

    public boolean shown() {
        return people != null;
    }
}
