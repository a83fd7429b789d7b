package com.waymark.teams.cycle;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.waymark.cycle.AfterSessions;
import com.waymark.cycle.Progress;
import com.waymark.cycle.SessionPulses;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.DateText;
import com.waymark.teams.PlainText;

/** The cycle's cards: after a session, between sessions, and the coach's view session by session. */
final class CycleCards {

    static final String ANSWER = "cycle.after";
    static final String NOTHING = "cycle.nothing";
    static final String PROGRESS = "cycle.progress";
    static final String QUESTION = "What will you try before the next session?";
    static final List<String> ITEMS = List.of("I could say what I really thought", "We worked on what mattered most",
            "I leave with something I will try");
    static final Map<Progress, String> PROGRESS_WORDS = Map.of(Progress.DONE, "Done", Progress.PARTLY, "Partly",
            Progress.NOT_YET, "Not yet", Progress.IN_THE_WAY, "Something's in the way");

    private CycleCards() {
    }

    /** {@code threshold}: the fewest people a pulse figure combines before a coach sees it (the programme's now). */
    static AdaptiveCard afterSession(AfterSessions.Invitation session, int threshold, int maxActionChars,
                                     int maxWordChars, Clock clock) {
        ZoneId zone = ZoneId.of(session.timeZone());
        AdaptiveCard card = AdaptiveCard.create().heading("After the session")
                .subtle("\"" + PlainText.of(session.programmeName()) + "\", "
                        + DateText.when(session.startsAt(), zone, clock) + ".")
                .emphasis(QUESTION)
                .text("One to three things, in your own words. Each goes into your action plan, and I'll ask how it "
                        + "went between sessions. If nothing comes to mind, \"Nothing this time\" is a fine answer.");
        for (int i = 1; i <= AfterSessions.MAX_COMMITMENTS; i++) {
            card.field("try" + i, i == 1 ? "One thing I'll try" : "Another (optional)", null,
                    i == 1 ? "For example: ask my deputy to chair Thursday's huddle" : null, maxActionChars, false);
        }
        if (session.teamSession()) {
            card.emphasis("A one-minute pulse (optional)")
                    .subtle("From 1 (not at all) to 5 (completely). Your coach sees these only as averages over at "
                            + "least " + threshold + " people, never yours alone.");
            List<AdaptiveCard.Choice> scale = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                scale.add(new AdaptiveCard.Choice(Integer.toString(i), Integer.toString(i)));
            }
            card.pick("said", ITEMS.get(0), scale, null, false, false)
                    .pick("mattered", ITEMS.get(1), scale, null, false, false)
                    .pick("leave", ITEMS.get(2), scale, null, false, false)
                    .field("word", "A word on the session (optional)", null, null, maxWordChars, false);
        }
        String id = Long.toString(session.sessionId());
        return card.submit("Save", ANSWER, Map.of("session", id))
                .submit("Nothing this time", NOTHING, Map.of("session", id));
    }

    /** Between sessions: each open commitment with the four answers. */
    static AdaptiveCard followUp(List<AfterSessions.OpenCommitment> open) {
        AdaptiveCard card = AdaptiveCard.create().heading("What you said you'd try")
                .text("Since the session: how did these go? Answer the ones you can.");
        List<AdaptiveCard.Choice> choices = new ArrayList<>();
        for (Progress p : Progress.values()) {
            choices.add(new AdaptiveCard.Choice(PROGRESS_WORDS.get(p), p.name().toLowerCase(Locale.ROOT)));
        }
        for (AfterSessions.OpenCommitment c : open) {
            card.pick("c" + c.actionId(), c.number() + ". " + PlainText.of(c.text()), choices, null, false, false);
        }
        return card.submit("Save", PROGRESS);
    }

    /** The coach's view: each ended session's pulse and commitments, or "hidden" where the policy holds it back. */
    static AdaptiveCard report(SessionPulses.CycleReport report, ZoneId zone, Clock clock) {
        AdaptiveCard card = AdaptiveCard.create().heading("Sessions: pulse and commitments")
                .subtle("\"" + PlainText.of(report.programmeName()) + "\". Averages from 1 to 5 and counts, each "
                        + "over at least " + report.threshold() + " people, never naming anyone. Your reading is "
                        + "recorded in the audit.");
        if (report.pulses().isEmpty()) {
            return card.text("No session has ended yet. After each one, everyone gets a short card: what they will "
                    + "try, and a one-minute pulse.");
        }
        for (int i = 0; i < report.pulses().size(); i++) {
            SessionPulses.SessionPulse pulse = report.pulses().get(i);
            SessionPulses.SessionCommitments made = report.commitments().get(i);
            card.emphasis(DateText.when(pulse.startsAt(), zone, clock));
            Map<String, String> facts = new java.util.LinkedHashMap<>();
            if (pulse.shown()) {
                facts.put(ITEMS.get(0), one(pulse.saidWhatIThought()));
                facts.put(ITEMS.get(1), one(pulse.workedOnWhatMattered()));
                facts.put(ITEMS.get(2), one(pulse.leaveWithSomething()));
                if (pulse.trend() != null) {
                    facts.put("Since the session before", switch (pulse.trend()) {
                        case UP -> "up";
                        case DOWN -> "down";
                        case STEADY -> "steady";
                    });
                }
                facts.put("Pulse answers", Integer.toString(pulse.people()));
            } else {
                facts.put("Pulse", hidden(report.threshold()));
            }
            if (made.shown()) {
                facts.put("Commitments made", made.made() + (made.nothingThisTime() == null ? ""
                        : " (and " + made.nothingThisTime() + " \"nothing this time\")"));
                facts.put("How they went", PROGRESS_WORDS.get(Progress.DONE) + " " + count(made, Progress.DONE)
                        + ", " + PROGRESS_WORDS.get(Progress.PARTLY).toLowerCase(Locale.ROOT) + " "
                        + count(made, Progress.PARTLY) + ", "
                        + PROGRESS_WORDS.get(Progress.NOT_YET).toLowerCase(Locale.ROOT) + " "
                        + count(made, Progress.NOT_YET) + ", in the way " + count(made, Progress.IN_THE_WAY)
                        + (made.progress().containsValue(null) ? " (a count is hidden where it could point to "
                        + "someone)" : ""));
            } else {
                facts.put("Commitments", hidden(report.threshold()));
            }
            card.facts(facts);
        }
        return card;
    }

    /**
     * A figure the policy holds back, in a coach's words: too few people so far, or (the ledger) too few answers new
     * since it was last shown for the change to say nothing of one person.
     */
    static String hidden(int threshold) {
        return "hidden (fewer than " + threshold + " people so far, or too few new answers since you last saw it)";
    }

    static String one(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** One kind's count, or "hidden" where the policy holds it back on its own. */
    private static String count(com.waymark.cycle.SessionPulses.SessionCommitments made, Progress kind) {
        Integer value = made.progress().get(kind);
        return value == null ? "hidden" : value.toString();
    }
}
