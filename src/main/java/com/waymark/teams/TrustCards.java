package com.waymark.teams;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.waymark.care.SupportReason;
import com.waymark.care.SupportResources;
import com.waymark.care.SupportTier;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.datarights.DataRightsSlice;
import com.waymark.teams.support.SupportSlice;

/** Cards for the data rights, the audit and the offer of support. */
public final class TrustCards {

    /** One read of an aggregate, with names resolved for display. */
    public record Read(Instant at, String what, String programme, String reader, int people) {
    }

    /** What each export section is called in the summary; a section not listed shows under its own name. */
    private static final Map<String, String> SECTION_LABELS = Map.ofEntries(
            Map.entry("participant", "Your profile (name, Teams ids, time zone)"),
            Map.entry("consents", "Privacy consents"),
            Map.entry("checkIns", "Check-ins (ratings and reflections)"),
            Map.entry("actions", "Actions in your plan"),
            // A place they left stays stored (with when they left) until the programme's retention ends: say so.
            Map.entry("memberships", "Programme places, current and past"),
            Map.entry("coachingRoles", "Coaching team roles"),
            Map.entry("staffInvitations", "Invitations to a coaching team you made, not yet accepted"),
            Map.entry("coachCallRequests", "Requests for a coach to call you"),
            Map.entry("readsIncludingYou", "Coach views that included you"),
            Map.entry("readsYouMade", "Summaries you viewed as a coach"),
            Map.entry("peerCoaching", "Peer coaching (pairings, follow-up answers, opt-outs)"),
            Map.entry("schedule", "Your schedule (times that suit you, days away, planned check-ins)"),
            Map.entry("releasedFigures", "Team figures you were counted in"),
            Map.entry("diagnostic", "Your answers before a programme's first session"));
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private TrustCards() {
    }

    /** Where the complete export is shown in the chat, in {@code jsonMessages} messages of JSON. */
    public static AdaptiveCard myData(Map<String, Integer> counts, String fileName, int jsonMessages) {
        return myData(counts, jsonMessages == 1
                ? "The complete export follows in the next message, as JSON: copy it into a file named "
                        + fileName + " to keep it."
                : "The complete export follows in the next " + jsonMessages + " messages, as JSON: it is too "
                        + "long for one message, so each part is complete in itself and holds some of the sections.");
    }

    /** Where it is offered as a file, on the file consent card that follows. */
    public static AdaptiveCard myDataAsFile(Map<String, Integer> counts, String fileName) {
        return myData(counts, "The complete export is a file, " + fileName + ": choose Allow on the next card to "
                + "save it to your OneDrive. It is made when you choose Allow, from what Waymark holds then.");
    }

    private static AdaptiveCard myData(Map<String, Integer> counts, String whereTheExportIs) {
        return AdaptiveCard.create()
                .heading("Everything Waymark stores about you")
                .facts(labelled(counts))
                .text(whereTheExportIs)
                .subtle("Nothing else about you is kept: not your other Teams chats, not your calendar, and no "
                        + "copy in the logs. Only you can see this chat.")
                .submit("Erase everything…", DataRightsSlice.ASK_ERASE);
    }

    /** {@code handovers}: what happens to each programme they are the only admin of (ProgrammeService). */
    public static AdaptiveCard confirmErase(Map<String, Integer> counts, List<ProgrammeService.Handover> handovers) {
        AdaptiveCard card = AdaptiveCard.create()
                .heading("Erase everything about you?")
                .text("This permanently deletes everything below from Waymark, straight away, and can't be undone:")
                .facts(labelled(counts));
        if (!handovers.isEmpty()) {
            card.emphasis("Programmes you run");
            handovers.forEach(h -> card.text(handover(h)));
        }
        return card
                .text("Summaries coaches have already seen can't be taken back, but they never showed your own "
                        + "answers; from now on nothing of yours is in them. If you talk to me again later, I'll "
                        + "treat you as someone new.")
                .subtle("If you'd rather keep your data, just ignore this card.")
                .submit("Yes, erase everything", DataRightsSlice.CONFIRM_ERASE);
    }

    private static String handover(ProgrammeService.Handover handover) {
        String name = "\"" + PlainText.of(handover.programme().getName()) + "\"";
        if (handover.newAdmin() == null) {
            return "You're the only coach and admin of " + name + ". If you erase now, " + name + " carries on for its "
                    + "participants (their check-ins and plans stay theirs) with no coach or admin: nobody will see "
                    + "its team summaries or be able to change it, and its participants won't be offered a call from a "
                    + "coach. To hand it over first, say \"coaches\", make someone else an admin, then say \"delete my "
                    + "data\" again.";
        }
        return "You're the only admin of " + name + ". If you erase now, " + PlainText.of(handover.newAdmin())
                + ", its longest-serving coach, becomes its admin. To choose someone else, say \"coaches\" and make "
                + "them an admin first.";
    }

    public static AdaptiveCard readsIncludingMe(List<Read> reads, ZoneId zone) {
        AdaptiveCard card = AdaptiveCard.create().heading("Who has seen summaries that included you");
        if (reads.isEmpty()) {
            return card.text("No one has seen a summary that included your check-ins yet.")
                    .subtle("Coaches only ever see summaries that combine several people, never your own answers "
                            + "or your name next to anything you wrote. Every time they look, it shows up here.");
        }
        reads.forEach(read -> card.text(describe(read, zone)));
        return card.subtle("Each of these combined at least the programme's minimum number of people. Your own "
                + "answers and your name were never shown.");
    }

    public static AdaptiveCard audit(String programme, List<Read> reads, ZoneId zone) {
        AdaptiveCard card = AdaptiveCard.create().heading("Recent reads of \"" + PlainText.of(programme) + "\" data");
        if (reads.isEmpty()) {
            return card.text("Nobody on the coaching team has viewed a summary of this programme yet.");
        }
        // The card names the programme once; the same read repeated within a minute (a summary opened twice, a
        // card re-sent) is one line with its count, so the log reads as what happened, not as noise.
        List<String> lines = new ArrayList<>();
        String previous = null;
        int times = 0;
        for (Read read : reads) {
            String line = WHEN.format(read.at().atZone(zone)) + " – " + read.what() + ", seen by "
                    + PlainText.of(read.reader()) + combined(read);
            if (line.equals(previous)) {
                times++;
                continue;
            }
            if (previous != null) {
                lines.add(times(previous, times));
            }
            previous = line;
            times = 1;
        }
        lines.add(times(previous, times));
        lines.forEach(card::text);
        return card.subtle("\"People combined\" counts those a read drew on: participation counts everyone enrolled, "
                + "the other figures only those whose answers went into them. Participants can see the reads that "
                + "included them with \"who has seen my data\".");
    }

    static final String COACH_CALL_BUTTON = "Please ask my coach to call me";
    static final String SUPPORT_BUTTON = "Where to find support";
    static final String NOT_SHARED = "Waymark isn't watched by anyone in real time, and your check-ins aren't shared "
            + "with your coach. Nobody is told anything unless you ask.";

    /**
     * After a check-in that calls for it: kind and plain, never diagnostic, and no more than the check-in calls for
     * ({@link SupportTier}). One low week gets a warm line and an offer; a low run, a clearer offer of a call and
     * staff wellbeing support; only words that suggest risk bring the danger line and the emergency routes.
     * {@code offered}: the resources of this tier ({@code SupportResources.offeredAt}). {@code coachToTell}: whether
     * a coach or admin would be told if they asked for a call; without one the button is not offered at all (a
     * promise nobody would keep), and the card says so.
     */
    public static AdaptiveCard support(SupportReason reason, List<SupportResources.Resource> offered, String dangerLine,
                                boolean coachToTell) {
        return switch (reason.tier()) {
            case LOW_WEEK -> lowWeek(reason, coachToTell);
            case LOW_RUN -> lowRun(offered, coachToTell);
            case URGENT -> urgent(offered, dangerLine, coachToTell);
        };
    }

    private static AdaptiveCard lowWeek(SupportReason reason, boolean coachToTell) {
        String opening = reason == SupportReason.SHARP_FALL
                ? "This week sounds harder than usual for you. Thank you for saying so."
                : "Thank you for being honest about how you are. Hard weeks come to the most capable leaders.";
        AdaptiveCard card = AdaptiveCard.create().text(opening);
        if (coachToTell) {
            card.text("If it would help to talk it through, I can ask your coach to call you.");
        }
        card.subtle("Only you see this: your check-in hasn't been shared with your coach. Say **support** any time "
                + "for people to talk to.");
        return offers(card, coachToTell);
    }

    private static AdaptiveCard lowRun(List<SupportResources.Resource> offered, boolean coachToTell) {
        AdaptiveCard card = AdaptiveCard.create()
                .heading("Looking after yourself")
                .text("Your last few check-ins have been low. That's a lot to carry, and you don't have to carry it "
                        + "on your own.");
        if (coachToTell) {
            card.text("Would a call with your coach help? Press the button and I'll ask them to call you.");
        }
        if (!offered.isEmpty()) {
            card.text("Support for NHS staff, in confidence:").facts(resources(offered));
        }
        card.subtle(coachToTell ? NOT_SHARED : NO_COACH_TO_TELL);
        return offers(card, coachToTell);
    }

    private static AdaptiveCard urgent(List<SupportResources.Resource> offered, String dangerLine,
                                       boolean coachToTell) {
        AdaptiveCard card = AdaptiveCard.create()
                .heading("Looking after yourself")
                .text("Thank you for telling me how things are. It sounds like things may be really hard right now, "
                        + "and you don't have to carry that on your own.")
                .emphasis(dangerLine)
                .facts(resources(offered));
        if (!coachToTell) {
            return card.subtle(NO_COACH_TO_TELL);
        }
        return card.subtle(NOT_SHARED + " If you'd like to talk to your coach, I can ask them to call you.")
                .submit(COACH_CALL_BUTTON, SupportSlice.REQUEST_COACH_CALL);
    }

    /** What {@code support} shows at any time: every resource, under the danger line. */
    public static AdaptiveCard supportCard(SupportResources support, boolean coachToTell) {
        AdaptiveCard card = AdaptiveCard.create()
                .heading(SUPPORT_BUTTON)
                .text("People who are there for you, in confidence:")
                .facts(resources(support.resources()))
                .emphasis(support.dangerLine());
        if (!coachToTell) {
            return card.subtle(NO_COACH_TO_TELL);
        }
        return card.subtle("If you'd like to talk to your coach, I can ask them to call you. Nobody is told anything "
                        + "unless you ask.")
                .submit(COACH_CALL_BUTTON, SupportSlice.REQUEST_COACH_CALL);
    }

    private static AdaptiveCard offers(AdaptiveCard card, boolean coachToTell) {
        if (coachToTell) {
            card.submit(COACH_CALL_BUTTON, SupportSlice.REQUEST_COACH_CALL);
        }
        return card.submit(SUPPORT_BUTTON, SupportSlice.SHOW_SUPPORT);
    }

    private static Map<String, String> resources(List<SupportResources.Resource> resources) {
        Map<String, String> help = new LinkedHashMap<>();
        resources.forEach(r -> help.put(r.name(), r.contact() + (r.detail() == null || r.detail().isBlank()
                ? "" : " – " + r.detail())));
        return help;
    }

    static final String NO_COACH_TO_TELL = "Waymark isn't watched by anyone in real time, and you're not in a "
            + "programme with a coach I could pass a message to, so I can't ask anyone to call you. The people on the "
            + "support card are there for you, whatever the hour.";

    /** What the coach who is told sees: a card of its own, so it stands out from digests and reports. */
    public static AdaptiveCard coachCall(String person, String programme, List<SupportResources.Resource> shown) {
        return AdaptiveCard.create()
                .heading("Please call " + person)
                .emphasis(person + " (" + programme + ") pressed \"Please ask my coach to call me\" after a check-in.")
                .text("Their support card lists where to find help: " + shown.stream()
                        .map(r -> r.contact() == null || r.contact().isBlank() ? r.name() : r.name() + " (" + r.contact() + ")")
                        .collect(Collectors.joining(", ")) + ". Please get in touch with them when you can.")
                .subtle("Nothing they wrote is shared with you, and they have not been told anything else. Waymark "
                        + "isn't an emergency service.");
    }

    static Map<String, String> labelled(Map<String, Integer> counts) {
        Map<String, String> facts = new LinkedHashMap<>();
        counts.forEach((section, count) -> facts.put(SECTION_LABELS.getOrDefault(section, section),
                Integer.toString(count)));
        return facts;
    }

    private static String describe(Read read, ZoneId zone) {
        return WHEN.format(read.at().atZone(zone)) + " – " + read.what() + ", " + PlainText.of(read.programme())
                + ", seen by " + PlainText.of(read.reader()) + combined(read);
    }

    private static String combined(Read read) {
        return read.people() == 0 ? " (every figure hidden: too few people)" : " (" + read.people() + " people combined)";
    }

    private static String times(String line, int times) {
        return times == 1 ? line : line + " ×" + times;
    }
}
