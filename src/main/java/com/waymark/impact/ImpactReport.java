package com.waymark.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.waymark.insight.TeamSummary;
import com.waymark.pairing.PeerCoachingService.PairsSummary;

/**
 * An impact report as read: every figure already released (a hidden one is a row whose value is null), with the
 * released records it was made from, for the charts.
 *
 * @param startsOn the programme's start date, or null when it has none (then the report covers its last weeks)
 * @param heldBack figures hidden under the rule across reads (an earlier report over overlapping weeks was made
 *                 from a group of people that differs by fewer than the threshold), among the hidden ones
 */
public record ImpactReport(String programme, LocalDate startsOn, ImpactPeriod period, int threshold, Instant madeAt, TeamSummary summary,
                           PairsSummary pairs, List<Section> sections, int heldBack) {

    public ImpactReport {
        sections = List.copyOf(sections);
    }

    /**
     * One section of the report.
     *
     * @param key     a stable name for the CSV and for charts ("participation", "wellbeing", ...)
     * @param title   its heading
     * @param lead    one or two sentences saying what the figures are
     * @param figures its figures, in order
     * @param notes   short remarks shown under the figures
     * @param heldBack how many of its hidden figures were held back by the rule across reads
     */
    public record Section(String key, String title, String lead, List<Figure> figures, List<String> notes,
                          int heldBack) {

        public Section {
            figures = List.copyOf(figures);
            notes = List.copyOf(notes);
        }
    }

    /** A figure and its value as shown ("9 of 12 (75%)"), or null when it is hidden. */
    public record Figure(String label, String value) {

        public boolean shown() {
            return value != null;
        }
    }

    /** Figures shown. */
    public int released() {
        return (int) sections.stream().flatMap(s -> s.figures().stream()).filter(Figure::shown).count();
    }

    /** Figures hidden, whatever the reason. */
    public int hidden() {
        return (int) sections.stream().flatMap(s -> s.figures().stream()).filter(f -> !f.shown()).count();
    }

    public Section section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
