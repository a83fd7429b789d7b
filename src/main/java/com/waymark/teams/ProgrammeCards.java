package com.waymark.teams;

import com.waymark.teams.membership.MembershipSlice;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.waymark.programme.EnrolmentService.Member;
import com.waymark.programme.Membership;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeGroup;
import com.waymark.programme.ProgrammeOverview;
import com.waymark.programme.ProgrammeService.MyProgramme;
import com.waymark.programme.ProgrammeSettings;

/** Cards for setting programmes up (coaches) and for seeing one's own place in them (participants). */
public final class ProgrammeCards {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    static final String KEEP = "";
    /**
     * "Everyone in the programme" on the schedule and peer-coaching cards: a value of its own, because a choice whose
     * value is empty shows as a blank box in Teams, as if nothing were chosen.
     */
    static final String EVERYONE = "everyone";

    /** The whole programme chosen: "everyone", or nothing at all (a card from before it had its own value). */
    public static boolean everyone(String groupId) {
        return groupId == null || groupId.isBlank() || groupId.strip().equals(EVERYONE);
    }

    private ProgrammeCards() {
    }

    static AdaptiveCard overview(ProgrammeOverview overview, String schedule, String nextSession,
                                 int sessionMinutes) {
        Programme programme = overview.programme();
        ProgrammeSettings settings = programme.settings();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Organisations", orDash(PlainText.of(settings.organisations())));
        facts.put("Dates", dates(settings));
        facts.put("Time zone", settings.timeZone());
        facts.put("People", overview.people() + " taking part, " + overview.consented() + " agreed to the privacy notice");
        facts.put("Groups", overview.groups().isEmpty() ? "none yet (add one with, for example: add group Blue)"
                : overview.groups().stream().map(g -> PlainText.of(g.name()) + " (" + g.people() + ")")
                .collect(Collectors.joining(", ")) + (overview.unassigned() > 0
                ? "; " + overview.unassigned() + " not in a group" : ""));
        facts.put("Confidentiality", "every summary covers at least " + overview.threshold() + " people"
                + overview.lowering().map(lower -> "; " + lower.to() + " from " + NoticeCards.when(lower,
                ZoneId.of(settings.timeZone())) + " (each participant is told first)").orElse(""));
        facts.put("Answers kept", kept(settings));
        facts.put("Check-in schedule", schedule);
        facts.put("Next session", nextSession);
        facts.put("Sessions last", length(sessionMinutes) + ", unless you give a session its own length");
        facts.put("Coaches", orDash(plainList(overview.coaches())));
        facts.put("Admins", orDash(plainList(overview.admins())));
        facts.put("Join code", programme.getJoinCode());
        return AdaptiveCard.create()
                .heading(PlainText.of(programme.getName()))
                .facts(facts)
                .subtle("Participants can join by sending me \"join " + programme.getJoinCode()
                        + "\" in their 1:1 chat, or add me to your team and say \"enrol\" there.")
                .submit("Edit settings", CardActions.EDIT_PROGRAMME)
                .submit("People", CardActions.SHOW_PEOPLE);
    }

    /** {@code programmeToken}: the programme's card id ({@link CardIds}), or null for a new programme. */
    /** {@code sessionMinutes}: the programme's session length, its own or (new, or never set) the installation's. */
    static AdaptiveCard settings(String programmeToken, ProgrammeSettings current, int sessionMinutes) {
        return AdaptiveCard.create()
                .heading(programmeToken == null ? "New programme" : "Programme settings")
                .field("name", "Name", current.name(), "e.g. North Ridge ICS system leadership 2026", 120, true)
                .field("organisations", "Organisations", current.organisations(),
                        "e.g. North Ridge ICB, Riverside Hospitals NHS FT", 1000, false)
                .field("timeZone", "Time zone", current.timeZone(), "Europe/London", 64, true)
                .date("startsOn", "Starts on", current.startsOn() == null ? null : current.startsOn().toString())
                .date("endsOn", "Ends on", current.endsOn() == null ? null : current.endsOn().toString())
                .subtle("Check-ins and peer-coaching rounds run only between these dates: from 00:00 on the first "
                        + "day to 23:59 on the last, in the programme's time zone. Leave either empty for no limit.")
                .number("threshold", "Confidentiality threshold (people per summary, at least 3)",
                        current.confidentialityThreshold(), Programme.MIN_THRESHOLD, 50)
                .number("retentionDays", "Keep check-ins, reflections and peer-coaching answers for this many days "
                        + "after the end",
                        current.retentionDays(), 0, 3650)
                .number("sessionMinutes", "Coaching sessions last this many minutes (when you record one without "
                        + "a length)", sessionMinutes, ProgrammeSettings.SHORTEST_SESSION_MINUTES,
                        ProgrammeSettings.LONGEST_SESSION_MINUTES)
                .submit(programmeToken == null ? "Create programme" : "Save", CardActions.SAVE_PROGRAMME,
                        programmeToken == null ? Map.of() : Map.of("programmeId", programmeToken));
    }

    static AdaptiveCard people(Programme programme, List<Member> members, List<ProgrammeGroup> groups) {
        AdaptiveCard card = AdaptiveCard.create().heading("People in " + PlainText.of(programme.getName()));
        if (members.isEmpty()) {
            return card.text("Nobody has joined yet. Share the join code " + programme.getJoinCode()
                    + ", or add me to your team and say \"enrol\" there.");
        }
        members.forEach(m -> {
            String recorded = recorded(m.membership(), m.groupName());
            card.text(PlainText.of(name(m)) + (recorded.isEmpty() ? "" : " – " + recorded));
        });
        List<AdaptiveCard.Choice> people = members.stream()
                .map(m -> new AdaptiveCard.Choice(name(m), m.participant().getId().toString())).toList();
        List<AdaptiveCard.Choice> groupChoices = new java.util.ArrayList<>();
        groupChoices.add(new AdaptiveCard.Choice("(keep as it is)", KEEP));
        groups.forEach(g -> groupChoices.add(new AdaptiveCard.Choice(g.getName(), g.getId().toString())));
        List<AdaptiveCard.Choice> managers = new java.util.ArrayList<>();
        managers.add(new AdaptiveCard.Choice("(keep as it is)", KEEP));
        managers.addAll(people);
        return card.emphasis("Describe someone")
                .subtle("Each person sees what you record here (\"my details\") and can correct their role and "
                        + "organisation. You can describe someone once they have agreed to the privacy notice: until "
                        + "then Waymark keeps only what it needs to reach them.")
                .pick("participantId", "Person", people, null, true, false)
                .field("role", "Role", null, "e.g. Chair, Chief executive, Clinical director, PCN lead", 120, false)
                .field("organisation", "Organisation", null, "e.g. Riverside Hospitals NHS FT", 200, false)
                .pick("groupId", "Group", groupChoices, KEEP, false, false)
                .pick("lineManagerId", "Line manager (used to avoid pairing them)", managers, KEEP, false, false)
                .submit("Save", CardActions.DESCRIBE_MEMBER);
    }

    /** What the coaches card says about invitations; {@code StaffInvitationTest} holds each clause to the code. */
    static final String INVITATION_TERMS = "Someone who doesn't take part can join the coaching team by invitation: "
            + "choose a button below and I'll give you a code for them. They send it to me in their own 1:1 chat with "
            + "Waymark within 7 days. It works once, for whoever sends it first, and only for someone in this "
            + "programme's organisation (the same Microsoft Teams tenant). Staff who don't take part get no check-ins, "
            + "are never paired and are never counted in the programme's figures.";

    /**
     * {@code choices}: the people an admin may appoint or change, each with its card id ({@link CardIds});
     * {@code programmeToken}: the programme's card id, for an invitation.
     */
    static AdaptiveCard coaches(Programme programme, List<String> coaches, List<String> admins,
                                List<AdaptiveCard.Choice> choices, String programmeToken) {
        AdaptiveCard card = AdaptiveCard.create().heading("Coaching team of " + PlainText.of(programme.getName()))
                .facts(Map.of("Admins", orDash(plainList(admins)), "Coaches", orDash(plainList(coaches))))
                .subtle("Coaches see confidential team-level summaries of this programme. Admins can also change "
                        + "the coaching team. Below, you can choose people who take part in this programme.");
        if (choices.isEmpty()) {
            card.text("Nobody who takes part in this programme is left to choose from.");
        } else {
            card.pick("participantId", "Person", choices, null, true, false)
                    .pick("staffRole", "Make them", List.of(new AdaptiveCard.Choice("Coach", "COACH"),
                            new AdaptiveCard.Choice("Admin", "ADMIN"),
                            new AdaptiveCard.Choice("Not part of the coaching team", "NONE")), "COACH", true, false)
                    .submit("Save", CardActions.SET_STAFF);
        }
        return card.text(INVITATION_TERMS)
                .submitAlone("Invite a coach", CardActions.INVITE_STAFF,
                        Map.of("programmeId", programmeToken, "staffRole", "COACH"))
                .submitAlone("Invite an admin", CardActions.INVITE_STAFF,
                        Map.of("programmeId", programmeToken, "staffRole", "ADMIN"));
    }

    static AdaptiveCard pickPeople(Programme programme, List<AdaptiveCard.Choice> roster, List<ProgrammeGroup> groups) {
        List<AdaptiveCard.Choice> groupChoices = new java.util.ArrayList<>();
        groupChoices.add(new AdaptiveCard.Choice("(no group)", KEEP));
        groups.forEach(g -> groupChoices.add(new AdaptiveCard.Choice(g.getName(), g.getId().toString())));
        return AdaptiveCard.create().heading("Add people to " + PlainText.of(programme.getName()))
                .subtle("Each person gets a private welcome from me with the privacy notice. Until they agree, "
                        + "I keep only what it takes to reach them: their name and Teams ids, their chat with me, and "
                        + "this programme and group.")
                .pick("participantIds", "People from this chat", roster, null, true, true)
                .pick("groupId", "Group", groupChoices, KEEP, false, false)
                .submit("Add them", CardActions.ENROL_SELECTED);
    }

    /** Everything a coach can record on the people card, so "each person sees what you record here" holds. */
    public static AdaptiveCard myDetails(Programme programme, String programmeToken, Membership membership, String groupName,
                                  String lineManagerName) {
        return AdaptiveCard.create().heading("Your details in " + PlainText.of(programme.getName()))
                .text("Your coach recorded: " + describe(membership, groupName) + "; line manager: "
                        + (lineManagerName == null ? "none" : PlainText.of(lineManagerName)) + ".")
                .subtle("Your coach uses these for peer-coaching pairs (never with your line manager) and group "
                        + "summaries. Correct your role and organisation here; for your group or line manager, "
                        + "ask your coach:")
                .field("role", "Role", membership.getRole(), "e.g. Director of nursing", 120, false)
                .field("organisation", "Organisation", membership.getOrganisation(), "e.g. North Ridge ICB", 200, false)
                .submit("Save", MembershipSlice.CORRECT_DETAILS, Map.of("programmeId", programmeToken));
    }

    public static AdaptiveCard myProgrammes(List<MyProgramme> mine) {
        AdaptiveCard card = AdaptiveCard.create().heading("Your programmes");
        if (mine.isEmpty()) {
            return card.text("You're not in a programme yet. If your coach gave you a code, send \"join\" and the code, "
                    + "for example: join ABC-123");
        }
        mine.forEach(m -> card.text("• " + PlainText.of(m.programme().getName()) + " – " + (m.staffRole() != null
                ? (m.staffRole().name().equals("ADMIN") ? "admin and coach" : "coach")
                : m.membership().isActive() ? "taking part" : "left")));
        return card.subtle("To leave one, say \"leave programme\" and its name.");
    }

    /** "Chair, North Ridge ICB, group East": only what is recorded (dashes for the unknown read as broken). */
    public static String describe(Membership membership, String groupName) {
        String recorded = recorded(membership, groupName);
        return recorded.isEmpty() ? "no role, organisation or group yet" : recorded;
    }

    /** What is recorded about the person, or nothing: the people list then shows the name alone. */
    static String recorded(Membership membership, String groupName) {
        List<String> parts = new ArrayList<>();
        String role = PlainText.of(membership.getRole());
        String organisation = PlainText.of(membership.getOrganisation());
        if (role != null && !role.isBlank()) {
            parts.add(role);
        }
        if (organisation != null && !organisation.isBlank()) {
            parts.add(organisation);
        }
        if (groupName != null) {
            parts.add("group " + PlainText.of(groupName));
        }
        return String.join(", ", parts);
    }

    private static String name(Member member) {
        return member.participant().getDisplayName() == null ? "(name not known yet)"
                : member.participant().getDisplayName();
    }

    private static String plainList(List<String> names) {
        return String.join(", ", names.stream().map(PlainText::of).toList());
    }

    private static String dates(ProgrammeSettings settings) {
        if (settings.startsOn() == null && settings.endsOn() == null) {
            return "not set";
        }
        return (settings.startsOn() == null ? "?" : DAY.format(settings.startsOn())) + " to "
                + (settings.endsOn() == null ? "?" : DAY.format(settings.endsOn()));
    }

    /** "2 hours", "90 minutes", "2 hours 30 minutes". */
    static String length(int minutes) {
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes < 120 ? minutes + " minutes" : minutes / 60 + " hours " + minutes % 60 + " minutes";
    }

    /** What the retention sweep will do, as it will do it ({@link ProgrammeSettings#answersErasedOn()}). */
    static String kept(ProgrammeSettings settings) {
        String what = "check-ins, reflections, peer-coaching answers and who took part";
        return settings.answersErasedOn()
                .map(day -> "to the end of " + DAY.format(day.minusDays(1)) + ", " + settings.retentionDays()
                        + " days after the programme ends; then its " + what + " are erased within a day")
                .orElse("no end date set, so nothing is erased by date; set one and its " + what + " are erased "
                        + settings.retentionDays() + " days after it");
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }
}
