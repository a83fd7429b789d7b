package com.waymark.teams.programme;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeOverview;
import com.waymark.programme.ProgrammeSettings;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.CardIds;
import com.waymark.teams.NoticeCards;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;
import com.waymark.teams.people.PeopleSlice;

/** A coach's cards for a programme's set-up: at a glance, and its settings to fill in. */
final class SetupCards {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private SetupCards() {
    }

    /** {@code sessionMinutes}: the length in force, the programme's own or (never set) the installation's. */
    static AdaptiveCard overview(ProgrammeOverview overview, String schedule, String nextSession,
                                 int sessionMinutes) {
        Programme programme = overview.programme();
        ProgrammeSettings settings = programme.settings();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Organisations", ProgrammeCards.orDash(PlainText.of(settings.organisations())));
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
        facts.put("Coaches", ProgrammeCards.orDash(ProgrammeCards.plainList(overview.coaches())));
        facts.put("Admins", ProgrammeCards.orDash(ProgrammeCards.plainList(overview.admins())));
        facts.put("Join code", programme.getJoinCode());
        return AdaptiveCard.create()
                .heading(PlainText.of(programme.getName()))
                .facts(facts)
                .subtle("Participants can join by sending me \"join " + programme.getJoinCode()
                        + "\" in their 1:1 chat, or add me to your team and say \"enrol\" there.")
                .submit("Edit settings", ProgrammeSlice.EDIT_PROGRAMME)
                .submit("People", PeopleSlice.SHOW_PEOPLE);
    }

    /**
     * {@code programmeToken}: the programme's card id ({@link CardIds}), or null for a new programme;
     * {@code sessionMinutes}: the programme's session length, its own or (new, or never set) the installation's.
     */
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
                .submit(programmeToken == null ? "Create programme" : "Save", ProgrammeSlice.SAVE_PROGRAMME,
                        programmeToken == null ? Map.of() : Map.of("programmeId", programmeToken));
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

}
