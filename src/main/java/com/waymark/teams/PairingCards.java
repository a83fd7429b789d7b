package com.waymark.teams;

import com.waymark.teams.pairing.PeerCoachingSlice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waymark.outbox.OutboxPayload;
import com.waymark.pairing.PairingMode;
import com.waymark.pairing.PlaceInRound;
import com.waymark.pairing.PeerCoachingParticipation.FollowUpQuestion;
import com.waymark.pairing.PeerCoachingParticipation.MyPairings;
import com.waymark.pairing.PeerCoachingParticipation.MyRound;
import com.waymark.pairing.PeerCoachingParticipation.Nudge;
import com.waymark.pairing.PeerCoachingParticipation.Partner;
import com.waymark.pairing.PeerCoachingService.ForbiddenView;
import com.waymark.pairing.PeerCoachingService.PairsSummary;
import com.waymark.pairing.PeerCoachingService.PlanView;
import com.waymark.pairing.PlanSettings;
import com.waymark.programme.EnrolmentService.Member;
import com.waymark.programme.GroupInfo;
import com.waymark.programme.Programme;

/** Peer-coaching cards: the coach's plan, forbidden pairs and summary; the nudge, follow-up and history. */
public final class PairingCards {

    /**
     * Teams' deep link to a new (or the existing) chat. Microsoft documents {@code users} as a comma-separated
     * list of Entra user principal names (UPNs), with an optional {@code tenantId}, {@code topicName} (chats
     * of three or more) and {@code message} (a draft in the compose box). Waymark does not store UPNs: Teams
     * activities carry the Entra object id instead, so the link names each partner by their Teams MRI,
     * {@code 8:orgid:<object id>}, which Teams clients are reported to accept in the same parameter but which
     * is not in the documentation. Where the object id is unknown the card has no button and says so.
     */
    static final String CHAT_LINK = "https://teams.microsoft.com/l/chat/0/0";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM 'at' HH:mm", Locale.ENGLISH);

    private PairingCards() {
    }

    // --- participants ---------------------------------------------------------------------------------

    public static AdaptiveCard nudge(Nudge nudge) {
        List<Partner> partners = nudge.partners();
        boolean trio = partners.size() > 1;
        AdaptiveCard card = AdaptiveCard.create()
                .heading(nudge.rematch() ? "A new peer-coaching partner for this round"
                        : trio ? "Your peer-coaching partners this round" : "Your peer-coaching partner this round")
                .subtle(PlainText.of(nudge.programme()) + " · round " + nudge.roundNumber() + " of "
                        + nudge.totalRounds() + " · "
                        + modeForParticipants(nudge.mode()));
        if (nudge.rematch()) {
            card.text("Your partner couldn't make this round, so I've paired you with someone else who is free.");
        }
        for (Partner partner : partners) {
            card.emphasis(PlainText.of(partner.name())).text(roleAndOrganisation(partner));
        }
        card.emphasis("A suggested 30–45 minutes")
                .text(trio ? "Take turns, about 12–15 minutes each: one coaches, one is coached on a live leadership "
                        + "challenge, one listens and offers an observation at the end."
                        : "Each of you coaches the other on a live leadership challenge, about 15–20 minutes each, "
                        + "using GROW:")
                .facts(grow())
                .subtle("Ask more than you tell, and end with one thing each of you will do differently. What you "
                        + "discuss stays between you. In " + nudge.followUpDays() + " days I'll ask whether you met "
                        + "and how useful it was.");
        String link = chatLink(nudge);
        if (link != null) {
            card.openUrl(trio ? "Open a group chat" : "Open a chat with " + partners.get(0).name(), link);
        } else {
            card.subtle("Find them by name in Teams to agree a time.");
        }
        return card.submit("Can't make this round", PeerCoachingSlice.CANT_THIS_ROUND,
                        Map.of("memberId", Long.toString(nudge.memberId())))
                .submit("Opt out of peer coaching", PeerCoachingSlice.PAIRING_OPT_OUT);
    }

    private static Map<String, String> grow() {
        Map<String, String> grow = new LinkedHashMap<>();
        grow.put("Goal", "What do you want from this conversation, and from the situation?");
        grow.put("Reality", "What is happening now? What have you tried, and who else is involved?");
        grow.put("Options", "What could you do? What else? What would someone you admire do?");
        grow.put("Way forward", "What will you do, by when, and how will you know it worked?");
        return grow;
    }

    /**
     * What a person is told when their peer coaching changes under them (the pairing module says what happened; the
     * words are here). Names the programme and the round, never a person.
     */
    public static String update(OutboxPayload.PairingUpdate update) {
        String where = "Peer coaching, \"" + PlainText.of(update.programmeName()) + "\", round " + update.round() + ": ";
        switch (update.change()) {
            case NOBODY_FREE:
                return where + "you're the only person free this round, so there is nobody to pair you with this "
                        + "time. I'll include you again next round.";
            case NO_SUITABLE_PARTNER:
                return where + "I couldn't find a partner for you this time: the people free this round are ones I "
                        + "can't pair you with. I'm sorry. If someone becomes free I'll introduce you; otherwise "
                        + "you'll be included again next round.";
            case PARTNER_LEFT_PAIR_STAYS:
                return where + "one of your partners can't make this round after all. The two of you can still meet "
                        + "as a pair: the card I sent has everything you need.";
            case PARTNER_LEFT_MAY_REMATCH:
                return where + "your partner can't make this round after all, and I'm sorry: there's nobody else free "
                        + "to pair you with just now. If someone becomes free this round I'll introduce you; otherwise "
                        + "you'll be paired again next round.";
            default:
                return where + "your partner can't make this round after all. You'll be paired again next round.";
        }
    }

    /** The deep link to a chat with the partners, or null when none of them has a known Entra object id. */
    public static String chatLink(Nudge nudge) {
        List<String> users = nudge.partners().stream().map(Partner::aadObjectId).filter(Objects::nonNull)
                .filter(id -> id.matches("[0-9A-Fa-f-]{36}")).map(id -> "8:orgid:" + id).toList();
        if (users.isEmpty()) {
            return null;
        }
        StringBuilder link = new StringBuilder(CHAT_LINK).append("?users=").append(String.join(",", users));
        if (nudge.tenantId() != null && nudge.tenantId().matches("[0-9A-Fa-f-]{36}")) {
            link.append("&tenantId=").append(nudge.tenantId());
        }
        if (users.size() > 1) {
            link.append("&topicName=").append(encode("Peer coaching – " + nudge.programme()));
        }
        link.append("&message=").append(encode("Hello! Waymark has paired us for peer coaching this round. "
                + "When would suit you for 30–45 minutes?"));
        return link.toString();
    }

    public static AdaptiveCard followUp(FollowUpQuestion question) {
        List<AdaptiveCard.Choice> met = new ArrayList<>();
        met.add(new AdaptiveCard.Choice("Yes, we met", "YES"));
        met.add(new AdaptiveCard.Choice("No, not this round", "NO"));
        if (question.snoozesLeft() > 0) {
            met.add(new AdaptiveCard.Choice("Not yet – ask me again in 2 days", "NOT_YET"));
        } else {
            met.add(new AdaptiveCard.Choice("Not yet, and that's fine – no more reminders", "NOT_YET"));
        }
        List<AdaptiveCard.Choice> ratings = new ArrayList<>();
        for (int rating = 1; rating <= 5; rating++) {
            ratings.add(new AdaptiveCard.Choice(rating + (rating == 1 ? " – not useful" : rating == 5 ? " – very useful"
                    : ""), Integer.toString(rating)));
        }
        String with = question.partnerNames().isEmpty() ? "" : " with " + String.join(" and ",
                question.partnerNames().stream().map(PlainText::of).toList());
        return AdaptiveCard.create()
                .heading("How did peer coaching go?")
                .text(PlainText.of(question.programme()) + ", round " + question.roundNumber() + with + ".")
                .choices("met", "Did you meet?", met, "Please choose one.")
                .pick("usefulness", "If you met: how useful was it?", ratings, null, false, false)
                .textInput("oneThing", "One thing you will do differently", "e.g. Ask my team what they'd try first",
                        500)
                .subtle("Your answers are yours. Coaches see only totals across several people, never who met whom "
                        + "or who said what.")
                .submit("Send", PeerCoachingSlice.PAIRING_FOLLOW_UP, Map.of("followUpId",
                        Long.toString(question.followUpId())));
    }

    public static AdaptiveCard mine(MyPairings mine, ZoneId zone) {
        AdaptiveCard card = AdaptiveCard.create().heading("Your peer coaching");
        if (!mine.optedOutOf().isEmpty()) {
            card.text("You've opted out of peer coaching in "
                    + String.join(", ", mine.optedOutOf().stream().map(PlainText::of).toList())
                    + ". Say \"opt in\" whenever you'd like to be paired again.");
        }
        if (mine.rounds().isEmpty()) {
            return card.text("You haven't been paired yet. When your coach turns peer coaching on, your partner for "
                    + "each round will arrive here.");
        }
        for (MyRound round : mine.rounds().stream().limit(20).toList()) {
            card.text("• " + DAY.format(round.runAt().atZone(zone)) + ", " + PlainText.of(round.programme())
                    + ", round "
                    + round.roundNumber() + " of " + round.totalRounds() + ": " + describe(round));
        }
        return card.subtle("Only you see this. Say \"can't this round\" if you can't make your current pairing, or "
                + "\"opt out of peer coaching\" to stop.");
    }

    private static String describe(MyRound round) {
        if (round.status() == PlaceInRound.WITHDRAWN) {
            return "you couldn't make this round.";
        }
        if (round.status() == PlaceInRound.UNMATCHED) {
            return "no partner could be found this time.";
        }
        if (round.status() == PlaceInRound.ALONE) {
            return "your partner couldn't make it, and nobody else was free.";
        }
        if (round.partners().isEmpty()) {
            return "with a partner who has since left Waymark.";
        }
        String with = "with " + round.partners().stream()
                .map(p -> PlainText.of(p.name()) + " (" + roleAndOrganisation(p) + ")")
                .collect(Collectors.joining(" and "));
        if (round.met() == null) {
            return with + ".";
        }
        String answer = with + switch (round.met()) {
            case YES -> " – you met" + (round.usefulness() == null ? "" : ", usefulness " + round.usefulness() + "/5") + ".";
            case NO -> " – you didn't meet.";
            case NOT_YET -> " – you hadn't met yet.";
        };
        return round.oneThing() == null ? answer
                : answer + " One thing you'll do differently: \"" + PlainText.of(round.oneThing()) + "\"";
    }

    // --- coaches ------------------------------------------------------------------------------------------

    public static AdaptiveCard plan(Programme programme, List<PlanView> plans, List<GroupInfo> groups) {
        AdaptiveCard card = AdaptiveCard.create().heading("Peer coaching for " + PlainText.of(programme.getName()));
        if (plans.isEmpty()) {
            card.text("Not on yet: nobody is paired until you save a plan below.");
        }
        plans.forEach(p -> card.text("• " + (p.groupName() == null ? "Everyone"
                : "Group " + PlainText.of(p.groupName())) + ": "
                + describe(p)));
        List<AdaptiveCard.Choice> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(new AdaptiveCard.Choice(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), day.name()));
        }
        List<AdaptiveCard.Choice> groupChoices = new ArrayList<>();
        groupChoices.add(new AdaptiveCard.Choice("Everyone in the programme", ProgrammeCards.EVERYONE));
        groups.forEach(g -> groupChoices.add(new AdaptiveCard.Choice(g.name(), Long.toString(g.id()))));
        PlanSettings current = plans.isEmpty() ? null : plans.get(0).settings();
        return card.emphasis("Set up peer coaching")
                .subtle("Each round pairs everyone taking part who is free: pairs, and one trio when the number is "
                        + "odd. People who paused, are on leave or opted out are left out quietly. Line managers and "
                        + "their reports are never paired, nor pairs you forbid. Repeats are kept to a minimum.")
                .pick("everyWeeks", "A round every", List.of(new AdaptiveCard.Choice("week", "1"),
                        new AdaptiveCard.Choice("2 weeks", "2"), new AdaptiveCard.Choice("3 weeks", "3"),
                        new AdaptiveCard.Choice("4 weeks", "4")),
                        current == null ? "2" : Integer.toString(current.everyWeeks()), true, false)
                .pick("weekday", "Nudges go out on", days, current == null ? "MONDAY" : current.weekday().name(), true,
                        false)
                .field("time", "At (" + programme.getTimeZone() + ")",
                        current == null ? "09:00" : current.localTime().toString(), "09:00", 5, true)
                .pick("mode", "Pair people", List.of(
                        new AdaptiveCard.Choice("Progression: same role, then across roles, then across organisations",
                                "progression"),
                        new AdaptiveCard.Choice("With someone in the same role", "same-role"),
                        new AdaptiveCard.Choice("Across roles", "cross-role"),
                        new AdaptiveCard.Choice("Across organisations", "cross-organisation")),
                        current == null ? "progression" : current.mode().label(), true, false)
                .number("totalRounds", "Rounds in all", current == null ? 6 : current.totalRounds(), 1,
                        PlanSettings.MAX_ROUNDS)
                .number("followUpDays", "Ask whether they met after (days)", current == null ? 3 : current.followUpDays(),
                        1, PlanSettings.MAX_FOLLOW_UP_DAYS)
                .pick("groupId", "For", groupChoices, current == null || current.groupId() == null ? ProgrammeCards.EVERYONE
                        : current.groupId().toString(), false, false)
                .submit("Save peer coaching", PeerCoachingSlice.SAVE_PEER_COACHING)
                .submit("Forbid a pair", PeerCoachingSlice.SHOW_FORBID_PAIR);
    }

    public static String describe(PlanView plan) {
        PlanSettings s = plan.settings();
        String rhythm = s.rhythm().describe() + " ("
                + plan.zone().getId() + "), " + modeForCoaches(s.mode()) + ", " + s.totalRounds() + " rounds, "
                + "follow-up " + s.followUpDays() + (s.followUpDays() == 1 ? " day" : " days") + " after each nudge";
        return rhythm + "; " + (plan.nextRoundAt() == null ? (!plan.allDue() ? plan.roundsRun() + " run so far; no "
                + "further round falls within the programme's dates." : plan.roundsRun() >= s.totalRounds()
                ? "all rounds have run." : "every round has fallen due, and " + plan.roundsRun() + " of them paired "
                + "people (nobody was free for the others).")
                : plan.roundsRun() + " run so far, round " + plan.nextRoundNumber() + " on "
                + WHEN.format(plan.nextRoundAt().atZone(plan.zone())) + ".");
    }

    /** {@code cardId}: each member's sealed id ({@link CardIds}) for the choices. */
    public static AdaptiveCard forbid(Programme programme, List<Member> members, List<ForbiddenView> forbidden,
                               Function<Member, String> cardId) {
        AdaptiveCard card = AdaptiveCard.create()
                .heading("Pairs never to make in " + PlainText.of(programme.getName()));
        if (forbidden.isEmpty()) {
            card.text("None yet. Line managers and their direct reports (recorded under \"people\") are never paired "
                    + "anyway.");
        } else {
            forbidden.forEach(f -> card.text("• " + PlainText.of(f.first()) + " and " + PlainText.of(f.second())));
        }
        if (members.size() < 2) {
            return card.subtle("Once two or more people have joined you can choose a pair here.");
        }
        List<AdaptiveCard.Choice> people = members.stream().map(m -> new AdaptiveCard.Choice(
                m.participant().getDisplayName() == null ? "(name not known yet)" : m.participant().getDisplayName(),
                cardId.apply(m))).toList();
        return card.subtle("Neither person is sent anything about this rule; the two are simply never put together. "
                + "Each one's own data export (\"my data\") says that a rule about them exists, never who the other "
                + "person is.")
                .pick("first", "Never pair", people, null, true, false)
                .pick("second", "with", people, null, true, false)
                .submit("Save", PeerCoachingSlice.FORBID_PAIR);
    }

    public static AdaptiveCard pairs(PairsSummary summary) {
        AdaptiveCard card = AdaptiveCard.create().heading("Peer coaching in " + PlainText.of(summary.programme()))
                .subtle("Confidential: every figure combines at least " + summary.threshold() + " people, and smaller "
                        + "ones are hidden. Who met whom, who answered what and who stepped out are never shown.");
        String hidden = summary.heldBack() == 0 ? "hidden: fewer than " + summary.threshold() + " people so far"
                : "hidden";
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Rounds run", Integer.toString(summary.roundsRun()));
        String oneSided = "hidden: too few on one side to show without giving answers away";
        facts.put("Pairs and trios that met", summary.groupsAnswered() == null ? hidden
                : summary.groupsMet() == null ? oneSided
                : summary.groupsMet() + " of the " + summary.groupsAnswered() + " that answered the follow-up ("
                + percent(summary.groupsMet(), summary.groupsAnswered()) + ")");
        facts.put("How useful (1–5)", summary.meanUsefulness() == null ? hidden
                : String.format(Locale.ROOT, "%.1f on average", summary.meanUsefulness()));
        if (summary.bands() != null) {
            facts.put("People by usefulness", summary.bands().entrySet().stream()
                    .map(e -> e.getKey() + ": " + (e.getValue() == null ? "hidden" : e.getValue()))
                    .collect(Collectors.joining(" · ")));
        }
        facts.put("Cross-role pairs", summary.groupsFormed() == null ? hidden
                : summary.crossRoleGroups() == null ? oneSided
                : summary.crossRoleGroups() + " of " + summary.groupsFormed() + " ("
                + percent(summary.crossRoleGroups(), summary.groupsFormed()) + ")");
        facts.put("Cross-organisation pairs", summary.groupsFormed() == null ? hidden
                : summary.crossOrganisationGroups() == null ? oneSided
                : summary.crossOrganisationGroups() + " of " + summary.groupsFormed() + " ("
                + percent(summary.crossOrganisationGroups(), summary.groupsFormed()) + ")");
        if (summary.peoplePaired() != null) {
            facts.put("People who have met another role", summary.peopleMetAnotherRole() == null ? oneSided
                    : summary.peopleMetAnotherRole() + " of " + summary.peoplePaired());
            facts.put("People who have met another organisation", summary.peopleMetAnotherOrganisation() == null
                    ? oneSided : summary.peopleMetAnotherOrganisation() + " of " + summary.peoplePaired());
        }
        card.facts(facts);
        if (summary.bands() != null && summary.bands().containsValue(null)) {
            card.subtle("A usefulness band is hidden when it has too few people, or when showing it would let a "
                    + "hidden one be worked out.");
        }
        if (summary.heldBack() > 0) {
            card.subtle("Some figures read \"hidden\" because fewer than " + summary.threshold() + " people's answers "
                    + "have changed since they were last shown; they return once " + summary.threshold()
                    + " or more have.");
        }
        return card.subtle("This view is recorded in the programme's audit, as every coach view of participants' "
                + "data is.");
    }

    // --- words ----------------------------------------------------------------------------------------------

    public static String modeForCoaches(PairingMode mode) {
        return switch (mode) {
            case SAME_ROLE -> "same role";
            case CROSS_ROLE -> "across roles";
            case CROSS_ORGANISATION -> "across organisations";
            case PROGRESSION -> "progression (same role, then across roles, then across organisations)";
        };
    }

    private static String modeForParticipants(PairingMode mode) {
        return switch (mode) {
            case SAME_ROLE -> "paired with someone in a similar role";
            case CROSS_ROLE -> "paired across roles";
            case CROSS_ORGANISATION -> "paired across organisations";
            case PROGRESSION -> "peer coaching";
        };
    }

    private static String roleAndOrganisation(Partner partner) {
        String role = partner.role() == null || partner.role().isBlank() ? null : PlainText.of(partner.role());
        String organisation = partner.organisation() == null || partner.organisation().isBlank() ? null
                : PlainText.of(partner.organisation());
        if (role == null && organisation == null) {
            return "role and organisation not recorded";
        }
        return role == null ? organisation : organisation == null ? role : role + ", " + organisation;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "–" : Math.round(100.0 * part / whole) + "%";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
