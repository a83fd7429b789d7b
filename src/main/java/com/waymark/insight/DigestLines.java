package com.waymark.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.waymark.pairing.PeerCoachingService.PairsSummary;

/**
 * A digest's released figures as plain sentences: all the optional language model is ever given. Built from the
 * already-suppressed reports, so a hidden figure is absent here too, and no reflection or quote is included.
 */
final class DigestLines {

    private DigestLines() {
    }

    static List<String> of(TeamSummary summary, PairsSummary pairs) {
        List<String> lines = new ArrayList<>();
        lines.add("Period: " + summary.header().since() + "; every figure combines at least "
                + summary.header().threshold() + " people.");
        ParticipationReport p = summary.participation();
        if (p.enrolled() != null && p.answered() != null) {
            lines.add(p.answered() + " of " + p.enrolled() + " people checked in.");
        }
        WellbeingReport w = summary.wellbeing();
        if (w.shown()) {
            lines.add(String.format(Locale.ROOT, "Mean wellbeing %.1f and energy %.1f out of 5, over %d people.",
                    w.mean(), w.energy(), w.people()));
            if (w.change() != null) {
                lines.add(String.format(Locale.ROOT, "Wellbeing changed by %+.1f since the period before%s.",
                        w.change(), w.notableFall() ? ", a notable fall" : ""));
            }
        }
        for (ThemeReport.Line theme : summary.themes().themes()) {
            lines.add("Theme \"" + theme.name() + "\": " + theme.people() + " people, "
                    + theme.direction().name().toLowerCase(Locale.ROOT) + "; distinctive words: "
                    + String.join(", ", theme.terms()) + ".");
        }
        if (!summary.themes().fading().isEmpty()) {
            lines.add("Less present than before: " + String.join(", ", summary.themes().fading()) + ".");
        }
        ActionReport a = summary.actions();
        if (a.done() != null) {
            lines.add(a.done() + " actions done in the period.");
        }
        if (a.atRisk() != null) {
            lines.add(a.atRisk() + " actions open for " + a.atRiskDays() + " days or more.");
        }
        a.blockers().forEach(b -> lines.add(b.actions() + " open actions held up by: " + b.kind() + "."));
        if (pairs != null && pairs.groupsMet() != null) {
            lines.add("Peer coaching: " + pairs.groupsMet() + " of " + pairs.groupsAnswered()
                    + " groups that answered met.");
        }
        return List.copyOf(lines);
    }
}
