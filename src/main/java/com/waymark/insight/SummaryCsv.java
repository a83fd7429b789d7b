package com.waymark.insight;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A team summary as CSV: one row per released figure, hidden figures as "hidden", no names and no reflection
 * text (quotes stay in Teams, where the author's opt-in was given).
 */
final class SummaryCsv {

    private SummaryCsv() {
    }

    static String write(TeamSummary summary) {
        ReportHeader header = summary.header();
        String from = DateTimeFormatter.ISO_LOCAL_DATE.format(header.period().from().atZone(header.zone()));
        // The period's last day, not the midnight it ends at.
        String to = DateTimeFormatter.ISO_LOCAL_DATE.format(header.period().to().minusNanos(1).atZone(header.zone()));
        List<String[]> rows = new ArrayList<>();
        ParticipationReport p = summary.participation();
        rows.add(row("participation", "people enrolled", p.enrolled()));
        rows.add(row("participation", "people who checked in", p.answered()));
        rows.add(row("participation", "people who did not check in", p.notAnswered()));
        rows.add(row("participation", "check-ins", p.checkIns()));
        WellbeingReport w = summary.wellbeing();
        rows.add(row("wellbeing", "people", w.people()));
        rows.add(row("wellbeing", "mean wellbeing (1-5)", w.mean()));
        rows.add(row("wellbeing", "mean energy (1-5)", w.energy()));
        rows.add(row("wellbeing", "previous period mean wellbeing", w.previous()));
        rows.add(row("wellbeing", "change in mean wellbeing", w.change()));
        for (WellbeingReport.Band band : w.bands()) {
            rows.add(row("wellbeing", "people with mean wellbeing about " + band.score(), band.people()));
        }
        for (WellbeingReport.Week week : w.weeks()) {
            rows.add(row("wellbeing by week", "week of " + week.weekOf() + " mean wellbeing", week.wellbeing()));
            rows.add(row("wellbeing by week", "week of " + week.weekOf() + " mean energy", week.energy()));
        }
        ThemeReport t = summary.themes();
        rows.add(row("themes", "reflections", t.reflections()));
        for (ThemeReport.Line line : t.themes()) {
            rows.add(row("themes", line.name() + " (people)", line.people()));
            rows.add(new String[] {"themes", line.name() + " (direction)", line.direction().name().toLowerCase(Locale.ROOT)});
        }
        rows.add(row("themes", "further themes too small to show", t.smallThemes()));
        ActionReport a = summary.actions();
        rows.add(row("actions", "done in period", a.done()));
        rows.add(row("actions", "open and on track", a.onTrack()));
        rows.add(row("actions", "open for " + a.atRiskDays() + "+ days (at risk)", a.atRisk()));
        rows.add(row("actions", "added in period", a.added()));
        for (ActionReport.Blocker blocker : a.blockers()) {
            rows.add(row("actions", "open actions held up by: " + blocker.kind(), blocker.actions()));
        }

        StringBuilder csv = new StringBuilder("programme,period_from,period_to,section,figure,value\r\n");
        for (String[] r : rows) {
            csv.append(String.join(",", cell(header.title()), from, to, cell(r[0]), cell(r[1]), r[2]))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String[] row(String section, String figure, Number value) {
        String shown = value == null ? "hidden"
                : value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : value.toString();
        return new String[] {section, figure, shown};
    }

    /** RFC 4180 quoting, and a leading quote mark for anything a spreadsheet would run as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
