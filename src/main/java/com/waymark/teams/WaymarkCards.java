package com.waymark.teams;

import com.waymark.teams.consent.ConsentSlice;
import com.waymark.teams.checkin.CheckInSlice;
import com.waymark.teams.actions.ActionsSlice;
import com.waymark.teams.myclock.MyClockSlice;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.waymark.checkin.ActionInfo;
import com.waymark.checkin.Prompt;
import com.waymark.checkin.Trend;
import com.waymark.privacy.PrivacyNotice;
import com.waymark.outbox.OutboxPayload;

/** Every card Waymark sends, rendered from plain domain values. */
public final class WaymarkCards {

    static final List<AdaptiveCard.Choice> WELLBEING = List.of(
            new AdaptiveCard.Choice("1 – Struggling", "1"),
            new AdaptiveCard.Choice("2 – Low", "2"),
            new AdaptiveCard.Choice("3 – Okay", "3"),
            new AdaptiveCard.Choice("4 – Good", "4"),
            new AdaptiveCard.Choice("5 – Thriving", "5"));
    static final List<AdaptiveCard.Choice> ENERGY = List.of(
            new AdaptiveCard.Choice("1 – Running on empty", "1"),
            new AdaptiveCard.Choice("2 – Tired", "2"),
            new AdaptiveCard.Choice("3 – Steady", "3"),
            new AdaptiveCard.Choice("4 – Energised", "4"),
            new AdaptiveCard.Choice("5 – Full of energy", "5"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private WaymarkCards() {
    }

    static AdaptiveCard welcome(PrivacyNotice notice) {
        AdaptiveCard card = AdaptiveCard.create()
                .heading("Welcome to Waymark")
                .text("I help you carry your coaching between sessions: a short check-in on your wellbeing "
                        + "and energy, one question to reflect on, and your own action plan.")
                .emphasis(notice.title());
        notice.points().forEach(point -> card.text("• " + point));
        return card.subtle("Privacy notice version " + notice.version()
                        + ". If you'd rather not take part, simply don't agree: nothing more than the above is kept "
                        + "about you, and \"delete my data\" erases even that.")
                .submit("I agree", ConsentSlice.CONSENT);
    }

    static AdaptiveCard privacy(PrivacyNotice notice) {
        AdaptiveCard card = AdaptiveCard.create().heading(notice.title());
        notice.points().forEach(point -> card.text("• " + point));
        return card.subtle("Privacy notice version " + notice.version() + ". You have not agreed to it yet.")
                .submit("I agree", ConsentSlice.CONSENT);
    }

    /**
     * The notice once agreed: not "before we start" (they have), but what they agreed to and when, and how to see,
     * erase or withdraw. There is no separate "withdraw": erasing everything is how consent is taken back, since
     * nothing may be kept about someone who has withdrawn beyond what erasure leaves.
     */
    static AdaptiveCard privacyAgreed(PrivacyNotice notice, String agreedOn) {
        AdaptiveCard card = AdaptiveCard.create().heading("Your privacy")
                .text("You agreed to this notice (version " + notice.version() + ") on " + agreedOn + ".");
        notice.points().stream().filter(point -> !point.equals(PrivacyNotice.BEFORE_AGREEING))
                .forEach(point -> card.text("• " + point));
        return card.emphasis("Your choices")
                .text("• **my data** – everything I hold about you, with a complete export")
                .text("• **who has seen my data** – each time a coach saw a summary that included you")
                .text("• **delete my data** – withdraw: erases everything about you, straight away, after you "
                        + "confirm; if you talk to me again later, I'll treat you as someone new.");
    }

    /** The prompt's text may be a coach's own words (a question for the cohort): shown as plain text. */
    public static AdaptiveCard checkIn(Prompt prompt, int maxReflectionChars) {
        return checkIn(prompt, List.of(), maxReflectionChars);
    }

    /** {@code beside}: lines shown under the prompt, already plain text (the person's own commitments, for one). */
    public static AdaptiveCard checkIn(Prompt prompt, List<String> beside, int maxReflectionChars) {
        AdaptiveCard card = AdaptiveCard.create()
                .heading("Your check-in")
                .subtle("Takes about two minutes. Only you see your individual answers.")
                .choices("wellbeing", "How is your wellbeing right now?", WELLBEING,
                        "Please choose a wellbeing rating.")
                .choices("energy", "How is your energy?", ENERGY, "Please choose an energy rating.")
                .subtle(prompt.approach())
                .emphasis(PlainText.of(prompt.text()));
        beside.forEach(card::text);
        return card.textInput("reflection", "Your reflection (optional)", "A few lines are plenty.", maxReflectionChars)
                .toggle("quoteOk", "OK to quote me, without my name, to my coach")
                .submit("Save check-in", CheckInSlice.SUBMIT_CHECK_IN, Map.of("promptId", prompt.id()));
    }

    /** A check-in the scheduler sent: names the programme, carries the occurrence, offers snooze and skip. */
    public static AdaptiveCard scheduledCheckIn(OutboxPayload.CheckIn payload, Prompt prompt, int maxReflectionChars,
                                         String closes, boolean reminder) {
        return scheduledCheckIn(payload, prompt, List.of(), maxReflectionChars, closes, reminder);
    }

    /** {@code beside}: lines shown under the prompt, already plain text (the person's own commitments, for one). */
    public static AdaptiveCard scheduledCheckIn(OutboxPayload.CheckIn payload, Prompt prompt, List<String> beside,
                                                int maxReflectionChars, String closes, boolean reminder) {
        Map<String, String> data = Map.of("promptId", prompt.id(), "occurrenceId", Long.toString(payload.occurrenceId()),
                "programmeId", Long.toString(payload.programmeId()));
        AdaptiveCard card = AdaptiveCard.create()
                .heading(reminder ? "A gentle reminder: your check-in" : "Time for your check-in")
                .subtle(PlainText.of(payload.programmeName()) + " · open until " + closes
                        + ". Only you see your individual answers.")
                .choices("wellbeing", "How is your wellbeing right now?", WELLBEING,
                        "Please choose a wellbeing rating.")
                .choices("energy", "How is your energy?", ENERGY, "Please choose an energy rating.")
                .subtle(prompt.approach())
                .emphasis(PlainText.of(prompt.text()));
        beside.forEach(card::text);
        return card.textInput("reflection", "Your reflection (optional)", "A few lines are plenty.", maxReflectionChars)
                .toggle("quoteOk", "OK to quote me, without my name, to my coach")
                .submit("Save check-in", CheckInSlice.SUBMIT_CHECK_IN, data)
                .submit("Snooze 2 hours", MyClockSlice.SNOOZE)
                .submit("Skip this one", MyClockSlice.SKIP);
    }

    public static AdaptiveCard checkInSaved(Trend trend, boolean quoteOk) {
        return AdaptiveCard.create()
                .heading("Saved – thank you for checking in")
                .text(quoteOk
                        ? "Your coach may see your reflection as a quote without your name, within a team summary."
                        : "Your reflection stays confidential: it is never quoted to your coach.")
                .facts(trendFacts(trend))
                .submit("My actions", ActionsSlice.SHOW_ACTIONS);
    }

    public static AdaptiveCard trend(Trend trend) {
        if (trend.isEmpty()) {
            return AdaptiveCard.create().heading("Your trend")
                    .text("No check-ins yet. Say \"check in\" to record your first one.")
                    .submit("Check in now", CheckInSlice.START_CHECK_IN);
        }
        return AdaptiveCard.create().heading("Your trend")
                .subtle((trend.wellbeing().size() == 1 ? "Your first check-in"
                        : "Your last " + trend.wellbeing().size() + " check-ins, oldest first") + ". Only you see this.")
                .facts(trendFacts(trend));
    }

    static Map<String, String> trendFacts(Trend trend) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Wellbeing", line(trend.wellbeing()));
        facts.put("Energy", line(trend.energy()));
        facts.put("Check-ins so far", Long.toString(trend.total()));
        return facts;
    }

    public static AdaptiveCard actions(List<ActionInfo> actions, ZoneId zone) {
        AdaptiveCard card = AdaptiveCard.create().heading("Your action plan");
        if (actions.isEmpty()) {
            return card.text("You have no actions yet. Add one with \"add action\" and what you will try, for example: "
                    + "add action Protect Friday afternoons");
        }
        List<ActionInfo> open = actions.stream().filter(a -> !a.done()).toList();
        List<ActionInfo> done = actions.stream().filter(ActionInfo::done).toList();
        if (!open.isEmpty()) {
            card.emphasis("Open");
            open.forEach(a -> card.text(a.number() + ". " + a.text()
                    + "  (added " + DAY.format(a.createdAt().atZone(zone)) + ")"
                    + (a.blocker() == null ? "" : "\n\nIn the way: " + a.blocker())));
        }
        if (!done.isEmpty()) {
            card.emphasis("Done");
            done.forEach(a -> card.text("✓ " + a.number() + ". " + a.text()
                    + "  (done " + DAY.format(a.completedAt().atZone(zone)) + ")"));
        }
        return card.subtle("Mark one done with its number, for example: done 1. Stuck? Say what's in the way, for example: "
                + "stuck 1 no time this week. Add another with \"add action\" and what you will try.");
    }

    /**
     * "3 → 4 → 4 (average 3.7, up)"; a first rating alone, since one rating has no average or direction to speak of.
     * Plain digits and arrows: Teams' font draws block characters (a sparkline) as black boxes.
     */
    private static String line(List<Integer> ratings) {
        String values = ratings.stream().map(String::valueOf).collect(Collectors.joining(" → "));
        if (ratings.size() < 2) {
            return values;
        }
        return values + " (average " + oneDecimal(ratings) + ", " + Trend.direction(ratings) + ")";
    }

    /**
     * The ratings' average to one decimal, rounded half up, as {@code String.format("%.1f")} wrote it, in integers:
     * every check-in's answer shows two, and a {@code Formatter} cost more than the rest of the card.
     */
    static String oneDecimal(List<Integer> ratings) {
        long sum = ratings.stream().mapToLong(Integer::longValue).sum();
        long n = ratings.size();
        long tenths = Math.floorDiv(20 * sum + n, 2 * n);
        return Math.floorDiv(tenths, 10) + "." + Math.floorMod(tenths, 10);
    }
}
