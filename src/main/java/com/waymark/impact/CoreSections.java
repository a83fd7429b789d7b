package com.waymark.impact;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.waymark.impact.ImpactReport.Figure;
import com.waymark.impact.ImpactReport.Section;
import com.waymark.insight.ActionReport;
import com.waymark.insight.ParticipationReport;
import com.waymark.insight.TeamSummary;
import com.waymark.insight.ThemeReport;
import com.waymark.insight.WellbeingReport;
import com.waymark.pairing.PeerCoachingService.PairsSummary;

/**
 * The report's own sections, worded from figures already released ({@code summary}'s and the peer-coaching
 * summary's): each figure exactly as released, or null (hidden). No figure is derived from two others, so nothing
 * hidden can be worked out from what is shown. Plain Java, no Spring.
 */
final class CoreSections {

    static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private CoreSections() {
    }

    static List<Section> of(TeamSummary summary, PairsSummary pairs, ImpactPeriod period) {
        int heldBack = summary.header().heldBack();
        return List.of(participation(summary.participation(), heldBack), wellbeing(summary.wellbeing(), period,
                summary.header().threshold()),
                actions(summary.actions()), peerCoaching(pairs), themes(summary.themes(), summary.header().threshold()));
    }

    static Section participation(ParticipationReport p, int heldBack) {
        List<Figure> figures = List.of(
                figure("Leaders enrolled", p.enrolled()),
                new Figure("Leaders who checked in at least once", p.answered() == null ? null
                        : p.answered() + " of " + p.enrolled() + " (" + p.percent() + "%)"),
                figure("Leaders yet to check in", p.notAnswered()),
                figure("Check-ins answered", p.checkIns()));
        return new Section("participation", "Participation",
                "Leaders check in through Microsoft Teams on the programme's rhythm: how they feel, their energy, and "
                        + "a short reflection if they wish.", figures, List.of(), heldBack);
    }

    static Section wellbeing(WellbeingReport w, ImpactPeriod period, int threshold) {
        List<WellbeingReport.Week> weeks = weeksIn(w, period);
        WellbeingReport.Week first = weeks.stream().filter(x -> x.wellbeing() != null).findFirst().orElse(null);
        WellbeingReport.Week last = weeks.stream().filter(x -> x.wellbeing() != null).reduce((a, b) -> b)
                .orElse(null);
        List<Figure> figures = new ArrayList<>();
        figures.add(figure("Leaders who rated", w.people()));
        figures.add(figure("Average wellbeing over the programme", w.mean()));
        figures.add(figure("Average energy over the programme", w.energy()));
        // Start and end only where two different weeks have figures; the chart shows every week in between.
        if (first != null && last != null && !first.weekOf().equals(last.weekOf())) {
            // The summary's weekly line reaches back a quarter at most: past that, its first week is not the
            // programme's.
            String start = weeks.get(0).weekOf().isAfter(period.first()) ? "earliest week charted" : "first week";
            figures.add(figure("Wellbeing, " + start + weekLabel(first), first.wellbeing()));
            figures.add(figure("Wellbeing, latest week" + weekLabel(last), last.wellbeing()));
            figures.add(figure("Energy, " + start + weekLabel(first), first.energy()));
            figures.add(figure("Energy, latest week" + weekLabel(last), last.energy()));
        }
        String[] words = {"", "1 (low)", "2", "3", "4", "5 (high)"};
        for (int band = 1; band <= 5; band++) {
            int score = band;
            Integer people = w.bands().stream().filter(b -> b.score() == score).findFirst()
                    .map(WellbeingReport.Band::people).orElse(null);
            figures.add(figure("Leaders whose average wellbeing was " + words[band], people));
        }
        List<String> notes = new ArrayList<>();
        long hiddenWeeks = weeks.stream().filter(x -> x.wellbeing() == null).count();
        if (!weeks.isEmpty() && hiddenWeeks > 0) {
            notes.add(hiddenWeeks + " of " + weeks.size() + (hiddenWeeks == 1 ? " weeks has" : " weeks have")
                    + " no figure: fewer leaders than the threshold rated in " + (hiddenWeeks == 1 ? "it" : "them")
                    + ", or an earlier report had shown " + (hiddenWeeks == 1 ? "it" : "them")
                    + " from nearly the same leaders.");
        }
        if (!weeks.isEmpty() && weeks.get(0).weekOf().isAfter(period.first())) {
            notes.add("The weekly line covers the latest " + weeks.size() + " weeks of the programme.");
        }
        if (w.bands().stream().anyMatch(b -> b.people() == null)) {
            notes.add("Where fewer than " + threshold + " leaders share an average, that count is hidden, and so "
                    + "are enough of the others that the few can't be worked out from the total.");
        }
        return new Section("wellbeing", "Wellbeing and energy",
                "Each leader rates their wellbeing and their energy from 1 (low) to 5 (high) at every check-in. Each "
                        + "leader counts once: their own average, so those who check in often don't outweigh the rest.",
                figures, notes, 0);
    }

    /** The weekly trend within the programme's weeks (the summary's line may reach back before it started). */
    static List<WellbeingReport.Week> weeksIn(WellbeingReport w, ImpactPeriod period) {
        return w.weeks().stream().filter(x -> !x.weekOf().isBefore(period.first())).toList();
    }

    static Section actions(ActionReport a) {
        List<Figure> figures = new ArrayList<>(List.of(
                figure("Actions set", a.added()),
                figure("Actions completed", a.done()),
                figure("Open actions on track", a.onTrack()),
                figure("Open actions older than " + a.atRiskDays() + " days", a.atRisk())));
        a.blockers().forEach(b -> figures.add(figure("Open actions held up by: " + b.kind().toLowerCase(Locale.UK),
                b.actions())));
        return new Section("actions", "Actions",
                "Between sessions leaders set themselves actions and mark them done. These are counts of actions, over "
                        + "the programme's weeks.", figures, List.of(), 0);
    }

    static Section peerCoaching(PairsSummary p) {
        if (p.roundsRun() == 0) {
            return new Section("peer-coaching", "Peer coaching", "Leaders are paired with a colleague for a "
                    + "coaching conversation, round by round.", List.of(),
                    List.of("No peer-coaching rounds have run in this programme."), p.heldBack());
        }
        List<Figure> figures = List.of(
                figure("Rounds run", p.roundsRun()),
                figure("Pairs and trios formed", p.groupsFormed()),
                figure("Leaders paired at least once", p.peoplePaired()),
                figure("Groups that answered the follow-up", p.groupsAnswered()),
                figure("Groups that met", p.groupsMet()),
                figure("Average usefulness (1 to 5)", p.meanUsefulness()),
                figure("Leaders who met someone in another role", p.peopleMetAnotherRole()),
                figure("Leaders who met someone from another organisation", p.peopleMetAnotherOrganisation()),
                figure("Groups spanning roles", p.crossRoleGroups()),
                figure("Groups spanning organisations", p.crossOrganisationGroups()));
        return new Section("peer-coaching", "Peer coaching",
                "Leaders are paired with colleagues, round by round, for a coaching conversation of their own, and "
                        + "asked afterwards whether they met and how useful it was. Over the whole programme.",
                figures, List.of(), p.heldBack());
    }

    static Section themes(ThemeReport t, int threshold) {
        List<Figure> figures = new ArrayList<>();
        figures.add(figure("Reflections written", t.reflections()));
        for (ThemeReport.Line line : t.themes()) {
            figures.add(new Figure(line.name(), line.people() + " leaders (" + Math.round(line.share() * 100)
                    + "% of those who wrote)"));
        }
        List<String> notes = new ArrayList<>();
        if (t.smallThemes() > 0) {
            notes.add(t.smallThemes() + (t.smallThemes() == 1 ? " further theme was" : " further themes were")
                    + " written about by fewer than " + threshold + " leaders, so " + (t.smallThemes() == 1 ? "it is"
                    : "they are") + " not named.");
        }
        if (t.reflections() != null && t.themes().isEmpty()) {
            notes.add("No theme was shared by " + threshold + " or more leaders.");
        }
        return new Section("themes", "Themes from reflections",
                "What leaders wrote about in their reflections, grouped by meaning. A theme is named only when at least "
                        + threshold + " leaders wrote about it. Nobody's words are quoted in this report.",
                figures, notes, 0);
    }

    private static String weekLabel(WellbeingReport.Week week) {
        return week == null ? "" : " (w/c " + WEEK.format(week.weekOf()) + ")";
    }

    static Figure figure(String label, Integer value) {
        return new Figure(label, value == null ? null : value.toString());
    }

    static Figure figure(String label, Double value) {
        return new Figure(label, oneDecimal(value));
    }

    static String oneDecimal(Double value) {
        return value == null ? null : String.format(Locale.UK, "%.1f", value);
    }

    static String day(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(day);
    }
}
