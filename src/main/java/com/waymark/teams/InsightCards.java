package com.waymark.teams;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waymark.insight.ActionReport;
import com.waymark.insight.ParticipationReport;
import com.waymark.insight.Report;
import com.waymark.insight.ReportHeader;
import com.waymark.insight.DiagnosticDigest;
import com.waymark.insight.SessionDigest;
import com.waymark.insight.TeamSummary;
import com.waymark.insight.ThemeReport;
import com.waymark.insight.WellbeingReport;

/**
 * Team-level reports as cards. A hidden figure shows as "hidden" with the reason in the footer, never as a
 * zero; trends are drawn as Teams charts with a FactSet fallback for clients that don't draw them.
 */
public final class InsightCards {

    static final String HIDDEN = "hidden";
    /**
     * The axis of weekly wellbeing and energy means: the 1–5 people rated on, not an axis fitted to the data (which
     * read 0–4.2). {@code Chart.Line} has no setting for its ticks, and the Playground's renderer chooses its own steps
     * (1–5 shows 1, 1.8, 2.6…; 0–5 showed 1.25, 2.5…), so the axis keeps the true scale.
     */
    static final AdaptiveCard.Scale RATING = new AdaptiveCard.Scale(1, 5);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN_YEAR = DateTimeFormatter.ofPattern("EEEE d MMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    private InsightCards() {
    }

    public static AdaptiveCard summary(TeamSummary summary) {
        AdaptiveCard card = header(AdaptiveCard.create(), "Team summary", summary.header());
        participation(card, summary.participation());
        wellbeing(card, summary.wellbeing(), summary.header().threshold());
        themes(card, summary.themes(), summary.header().threshold());
        actions(card, summary.actions());
        diagnostic(card, summary.diagnostic());
        cycle(card, summary.cycle());
        return footer(card, summary.header());
    }

    static AdaptiveCard digest(SessionDigest digest) {
        TeamSummary summary = digest.summary();
        ReportHeader header = summary.header();
        AdaptiveCard card = AdaptiveCard.create().heading("Before your session: " + PlainText.of(header.title()))
                .subtle("Session " + session(digest, header) + " · "
                        + header.since() + ".");
        if (digest.narrative() != null) {
            card.text(PlainText.of(digest.narrative()));
        }
        diagnostic(card, digest.diagnostic());
        participation(card, summary.participation());
        wellbeing(card, summary.wellbeing(), header.threshold());
        themes(card, summary.themes(), header.threshold());
        actions(card, summary.actions());
        cycle(card, digest.cycle());
        card.emphasis("Peer coaching");
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("Rounds run", Integer.toString(digest.pairs().roundsRun()));
        pairs.put("Groups that met", digest.pairs().groupsMet() == null ? HIDDEN
                : digest.pairs().groupsMet() + " of " + digest.pairs().groupsAnswered() + " that answered");
        pairs.put("Usefulness (1–5)", digest.pairs().meanUsefulness() == null ? HIDDEN
                : one(digest.pairs().meanUsefulness()));
        card.facts(pairs);
        if (!digest.questions().isEmpty()) {
            card.emphasis("Questions you might bring");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < digest.questions().size(); i++) {
                lines.add((i + 1) + ". " + digest.questions().get(i));
            }
            card.text(String.join("\n\n", lines));
            card.subtle("Chosen from the coaching question bank for the themes above, not written by participants.");
        }
        return footer(card, header);
    }

    /**
     * The coaching cycle since the last sessions: each ended session's pulse (its three items' mean, and the trend
     * where the policy shows it) and its commitments with how they went, as counts; "hidden" where held back.
     */
    private static void cycle(AdaptiveCard card, com.waymark.cycle.SessionPulses.CycleReport cycle) {
        if (cycle == null) {
            return;
        }
        card.emphasis("After the last sessions");
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < cycle.pulses().size(); i++) {
            var pulse = cycle.pulses().get(i);
            var made = cycle.commitments().get(i);
            String day = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)
                    .format(pulse.startsAt().atZone(java.time.ZoneId.of(cycle.timeZone())));
            String pulseText = !pulse.shown() ? "pulse " + HIDDEN : "pulse " + one(pulse.saidWhatIThought()) + " · "
                    + one(pulse.workedOnWhatMattered()) + " · " + one(pulse.leaveWithSomething())
                    + (pulse.trend() == null ? "" : " (" + pulse.trend().name().toLowerCase(Locale.ROOT) + ")");
            String madeText = !made.shown() ? "commitments " + HIDDEN : made.made() + " commitments" + howTheyWent(made);
            facts.put("Session " + day, pulseText + "; " + madeText);
        }
        card.facts(facts);
        card.subtle("Pulse: I could say what I really thought · We worked on what mattered most · I leave with "
                + "something I will try (1–5). Say \"session pulse\" for every session.");
    }

    /** The kinds of progress the policy shows, by count; a kind it holds back on its own is left out, and said so. */
    private static String howTheyWent(com.waymark.cycle.SessionPulses.SessionCommitments made) {
        List<String> shown = new ArrayList<>();
        Map<com.waymark.cycle.Progress, String> words = Map.of(com.waymark.cycle.Progress.DONE, "done",
                com.waymark.cycle.Progress.PARTLY, "partly", com.waymark.cycle.Progress.IN_THE_WAY, "in the way");
        for (com.waymark.cycle.Progress kind : List.of(com.waymark.cycle.Progress.DONE,
                com.waymark.cycle.Progress.PARTLY, com.waymark.cycle.Progress.IN_THE_WAY)) {
            Integer value = made.progress().get(kind);
            if (value != null) {
                shown.add(value + " " + words.get(kind));
            }
        }
        if (shown.isEmpty()) {
            return " (how they went: hidden)";
        }
        return ", " + String.join(", ", shown) + (shown.size() < 3 ? " (other counts hidden)" : "");
    }

    public static AdaptiveCard participationCard(Report<ParticipationReport> report) {
        return footer(participation(header(AdaptiveCard.create(), "Participation", report.header()), report.body()),
                report.header());
    }

    public static AdaptiveCard wellbeingCard(Report<WellbeingReport> report) {
        return footer(wellbeing(header(AdaptiveCard.create(), "Wellbeing", report.header()), report.body(),
                report.header().threshold()), report.header());
    }

    public static AdaptiveCard themesCard(Report<ThemeReport> report) {
        return footer(themes(header(AdaptiveCard.create(), "Themes", report.header()), report.body(),
                report.header().threshold()),
                report.header());
    }

    public static AdaptiveCard actionsCard(Report<ActionReport> report) {
        return footer(actions(header(AdaptiveCard.create(), "Action plans", report.header()), report.body()),
                report.header());
    }

    /** The export shown in the chat: the CSV follows as code blocks, one figure a line. */
    public static AdaptiveCard export(Report<String> csv, int figures) {
        return heldBack(header(AdaptiveCard.create(), "Export (team-level figures, CSV)", csv.header())
                .text(figures(figures) + ", aggregates only: no names, no reflections. The CSV follows in the next "
                        + "message, one figure a line, to copy into a spreadsheet."), csv.header());
    }

    /** The export offered as a file, on the file consent card that follows. */
    public static AdaptiveCard exportAsFile(Report<String> csv, int figures, String fileName) {
        return heldBack(header(AdaptiveCard.create(), "Export (team-level figures, CSV)", csv.header())
                .text(figures(figures) + ", aggregates only: no names, no reflections. Choose Allow on the next card "
                        + "to save them as a file, " + fileName + ", to your OneDrive. The figures are read again when "
                        + "you choose Allow, under the same confidentiality rules, and that reading is recorded in "
                        + "the programme's audit log too."), csv.header());
    }

    private static String figures(int figures) {
        return figures == 1 ? "1 figure" : figures + " figures";
    }

    // ---- sections ----

    private static AdaptiveCard participation(AdaptiveCard card, ParticipationReport p) {
        card.emphasis("Participation");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("People enrolled", shown(p.enrolled()));
        facts.put("Checked in", p.answered() == null ? HIDDEN
                : p.answered() + " of " + p.enrolled() + (p.percent() == null ? "" : " (" + p.percent() + "%)"));
        facts.put("Not yet", shown(p.notAnswered()));
        facts.put("Check-ins", shown(p.checkIns()));
        return card.facts(facts);
    }

    private static AdaptiveCard wellbeing(AdaptiveCard card, WellbeingReport w, int threshold) {
        card.emphasis("Wellbeing and energy");
        if (!w.shown() && w.heldBack()) {
            card.text("Hidden: fewer than " + threshold + " people's check-ins have changed since it was last shown.");
        } else if (!w.shown()) {
            card.text("Fewer than " + threshold + " people rated their wellbeing in this period, so it stays hidden.");
        } else {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("People", Integer.toString(w.people()));
            facts.put("Mean wellbeing (1–5)", one(w.mean()));
            facts.put("Mean energy (1–5)", one(w.energy()));
            facts.put("Change since the period before", w.change() == null ? HIDDEN
                    : change(w.change(), w.previous()));
            card.facts(facts);
            if (w.notableFall()) {
                card.emphasis("⚠ Team wellbeing has fallen notably since the period before. This is a team-level "
                        + "signal, not about any one person.");
            }
            List<AdaptiveCard.Point> bands = new ArrayList<>();
            boolean anyHidden = false;
            for (WellbeingReport.Band band : w.bands()) {
                if (band.people() == null) {
                    anyHidden = true;
                } else {
                    bands.add(new AdaptiveCard.Point(Integer.toString(band.score()), band.people()));
                }
            }
            if (bands.isEmpty()) {
                card.subtle("How people spread across the scale stays hidden: each step holds too few people.");
            } else {
                card.barChart("People by their mean wellbeing" + (anyHidden ? " (small groups hidden)" : ""),
                        "Wellbeing", "People", bands);
            }
        }
        Map<String, List<AdaptiveCard.Point>> series = new LinkedHashMap<>();
        List<AdaptiveCard.Point> wellbeing = new ArrayList<>();
        List<AdaptiveCard.Point> energy = new ArrayList<>();
        for (WellbeingReport.Week week : w.weeks()) {
            if (week.wellbeing() != null) {
                wellbeing.add(new AdaptiveCard.Point(DAY.format(week.weekOf()), round(week.wellbeing())));
                energy.add(new AdaptiveCard.Point(DAY.format(week.weekOf()), round(week.energy())));
            }
        }
        if (wellbeing.size() >= 2) {
            series.put("Wellbeing", wellbeing);
            series.put("Energy", energy);
            // The chart spans more weeks than the card's period (trend needs context): its title says which.
            card.lineChart("Weekly means, weeks of " + wellbeing.get(0).x() + " to "
                    + wellbeing.get(wellbeing.size() - 1).x() + (wellbeing.size() < w.weeks().size() ? " (weeks with too few people left out)"
                    : ""), "Week of", "Mean (1–5)", series, RATING);
        }
        return card;
    }

    private static AdaptiveCard themes(AdaptiveCard card, ThemeReport t, int threshold) {
        card.emphasis("Themes from reflections");
        if (t.reflections() == null && t.heldBack()) {
            return card.text("Hidden: fewer than " + threshold + " people's reflections have changed since the themes were "
                    + "last shown.");
        }
        if (t.reflections() == null) {
            return card.text("Too few people wrote reflections in this period to show any themes.");
        }
        if (t.themes().isEmpty()) {
            card.text("No theme was shared by enough people to show" + (t.smallThemes() > 0
                    ? " (" + t.smallThemes() + " smaller " + (t.smallThemes() == 1 ? "theme" : "themes") + ")." : "."));
        } else {
            card.horizontalBarChart("People per theme", t.themes().stream()
                    .map(line -> new AdaptiveCard.Point(PlainText.of(line.name()), line.people())).toList());
            for (ThemeReport.Line line : t.themes()) {
                // Terms come filtered by insight's ThemeTerms: each used by at least the threshold of people.
                card.text("**" + PlainText.of(line.name()) + "** · " + line.people() + " people · "
                        + direction(line.direction())
                        + (line.terms().isEmpty() ? "" : "\n\nWords at least " + threshold + " people used: "
                        + String.join(", ", line.terms().subList(0, Math.min(5, line.terms().size())).stream()
                        .map(PlainText::of).toList())));
                for (String quote : line.quotes()) {
                    card.subtle("“" + PlainText.of(quote) + "”");
                }
            }
            if (t.smallThemes() > 0) {
                card.subtle("Plus " + t.smallThemes() + " smaller " + (t.smallThemes() == 1 ? "theme" : "themes")
                        + ", not shown because too few people share them.");
            }
        }
        if (!t.fading().isEmpty()) {
            card.subtle("Less present than in the period before: "
                    + String.join(", ", t.fading().stream().map(PlainText::of).toList()) + ".");
        }
        return card;
    }

    /**
     * Before the first session: how many answered the diagnostic and, per question, the themes at least the threshold
     * of people share (issue 16, part 5). Nothing when there is no section (a session has been held).
     */
    static AdaptiveCard diagnostic(AdaptiveCard card, DiagnosticDigest d) {
        if (d == null) {
            return card;
        }
        card.emphasis("Before the first session: the diagnostic");
        card.facts(Map.of("Answered", d.answered() == null ? HIDDEN : d.answered() + " of " + d.offered() + " asked"));
        if (d.answered() == null) {
            return card.text("Hidden until at least " + d.threshold() + " people have answered"
                    + (d.heldBack() > 0 ? ", or while fewer than " + d.threshold() + " have answered since it was "
                    + "last shown." : "."));
        }
        for (DiagnosticDigest.QuestionThemes q : d.questions()) {
            StringBuilder lines = new StringBuilder("**" + q.question() + "**");
            if (q.people() == null) {
                lines.append("\n\n").append(HIDDEN).append(": fewer than ").append(d.threshold())
                        .append(" people answered it, or fewer than ").append(d.threshold())
                        .append(" have answered since it was last shown.");
            } else if (q.themes().isEmpty()) {
                lines.append("\n\n").append(q.people()).append(" answered; no theme was shared by ")
                        .append(d.threshold()).append(" or more.");
            } else {
                lines.append("\n\n").append(q.people()).append(" answered.");
                for (DiagnosticDigest.Theme theme : q.themes()) {
                    lines.append("\n\n- ").append(PlainText.of(theme.name())).append(" · ").append(theme.people())
                            .append(" people").append(theme.terms().isEmpty() ? "" : " (" + String.join(", ",
                                    theme.terms().subList(0, Math.min(5, theme.terms().size())).stream()
                                            .map(PlainText::of).toList()) + ")");
                }
            }
            card.text(lines.toString());
            for (DiagnosticDigest.Theme theme : q.themes()) {
                for (String quote : theme.quotes()) {
                    card.subtle("“" + PlainText.of(quote) + "”");
                }
            }
        }
        return card;
    }

    private static AdaptiveCard actions(AdaptiveCard card, ActionReport a) {
        card.emphasis("Action plans");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Done in this period", shown(a.done()));
        facts.put("Open, on track", shown(a.onTrack()));
        facts.put("Open " + a.atRiskDays() + "+ days (at risk)", shown(a.atRisk()));
        facts.put("Added in this period", shown(a.added()));
        card.facts(facts);
        if (!a.blockers().isEmpty()) {
            card.text("What holds actions up: " + String.join("; ", a.blockers().stream()
                    .map(b -> b.kind() + " (" + b.actions() + ")").toList()) + ".");
        }
        return card;
    }

    // ---- framing ----

    private static AdaptiveCard header(AdaptiveCard card, String what, ReportHeader header) {
        return card.heading(what + ": " + PlainText.of(header.title())).subtle(period(header) + ".");
    }

    private static AdaptiveCard footer(AdaptiveCard card, ReportHeader header) {
        heldBack(card, header);
        return card.subtle("Confidential: every figure combines at least " + header.threshold() + " people; \""
                + HIDDEN + "\" marks one that would not, or that could be worked out from the others. Staff are never counted. "
                + "Quotes appear "
                + "only where their author said yes. Your reading is recorded in the programme's audit log.");
    }

    /** Said whenever the release ledger held something back, so "hidden" never looks like missing data. */
    private static AdaptiveCard heldBack(AdaptiveCard card, ReportHeader header) {
        if (header.heldBack() == 0) {
            return card;
        }
        return card.subtle("Some figures read \"" + HIDDEN + "\" because fewer than " + header.threshold()
                + " people's check-ins have changed since they were last shown for this period; they return once "
                + header.threshold() + " or more have.");
    }

    /** The session's day and time, with its year when that is not the year the digest's period ends in (today's). */
    private static String session(SessionDigest digest, ReportHeader header) {
        var at = digest.sessionStartsAt().atZone(header.zone());
        int thisYear = header.period().to().minusNanos(1).atZone(header.zone()).getYear();
        return (at.getYear() == thisYear ? WHEN : WHEN_YEAR).format(at);
    }

    /** "Over the last two weeks: 23 Nov to 6 Dec"; with the years when the period runs across a new year. */
    private static String period(ReportHeader header) {
        ZoneId zone = header.zone();
        var from = header.period().from().atZone(zone);
        var to = header.period().to().minusNanos(1).atZone(zone);
        DateTimeFormatter format = from.getYear() == to.getYear() ? DAY : DAY_YEAR;
        return header.since().substring(0, 1).toUpperCase(Locale.ENGLISH) + header.since().substring(1) + ": "
                + format.format(from) + " to " + format.format(to);
    }

    private static String direction(ThemeReport.Direction direction) {
        switch (direction) {
            case NEW:
                return "new";
            case GROWING:
                return "growing";
            case FADING:
                return "fading";
            default:
                return "steady";
        }
    }

    private static String shown(Integer value) {
        return value == null ? HIDDEN : value.toString();
    }

    private static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** "No change (3.3)" when the change rounds to nothing, so "+0.0" never reads as a figure; else "+0.4 (was 3.3)". */
    static String change(double change, double previous) {
        if (Math.round(Math.abs(change) * 10) == 0) {
            return "no change (" + one(previous) + ")";
        }
        return signed(change) + " (was " + one(previous) + ")";
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f", Math.abs(value));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
