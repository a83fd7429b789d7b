package com.waymark.teams;

/**
 * What a person asked for, parsed from text or a card submit; plain data, no SDK types. A feature slice ({@link
 * FeatureSlice}) declares its own sealed sub-type, so a feature's commands live with the feature; the records nested
 * here belong to the conversations that predate slices.
 */
public interface Command {

    record Help() implements Command {
    }

    record ShowPrivacy() implements Command {
    }

    record GiveConsent() implements Command {
    }

    // --- programmes: coaches -------------------------------------------------------------------------

    /** {@code name} null: show the settings card to fill in. */
    record CreateProgramme(String name) implements Command {
    }

    record ShowProgramme() implements Command {
    }

    record EditProgramme() implements Command {
    }

    /** The settings card came back; {@code programmeId} is null for a new programme. */
    record SaveProgramme(String programmeId, String name, String organisations, String timeZone, String startsOn,
                         String endsOn, String threshold, String retentionDays) implements Command {
    }

    record AddGroup(String name) implements Command {
    }

    record UseProgramme(String name) implements Command {
    }

    record ShowPeople() implements Command {
    }

    record DescribeMember(String participantId, String role, String organisation, String groupId,
                          String lineManagerId) implements Command {
    }

    record ShowCoaches() implements Command {
    }

    record SetStaff(String participantId, String role) implements Command {
    }

    /** Admin: a code for someone who doesn't take part to join the coaching team; {@code programmeId} sealed, or null. */
    record InviteStaff(String programmeId, String role) implements Command {
    }

    /** Anyone: the code an admin gave them ("accept invitation K7PQ-2MX9-ABCD"); empty when none was typed. */
    record AcceptStaffInvitation(String code) implements Command {
    }

    /** In a team or group chat: import the roster into the coach's current programme. */
    record EnrolTeam() implements Command {
    }

    /** In a team or group chat: show a card to pick people from the roster. */
    record PickPeople() implements Command {
    }

    record EnrolSelected(String participantIds, String groupId) implements Command {
    }

    // --- programmes: participants ---------------------------------------------------------------------

    record Join(String code) implements Command {
    }

    record MyProgrammes() implements Command {
    }

    record LeaveProgramme(String name) implements Command {
    }

    record MyDetails() implements Command {
    }

    record CorrectDetails(String programmeId, String role, String organisation) implements Command {
    }

    // --- scheduling: participants -----------------------------------------------------------------------

    record Snooze(String duration) implements Command {
    }

    record Skip() implements Command {
    }

    record Pause(String weeks) implements Command {
    }

    record Resume() implements Command {
    }

    /** {@code from}/{@code to} null: quiet hours off. */
    record QuietHours(String from, String to) implements Command {
    }

    record NotOnDay(String weekday, boolean excluded) implements Command {
    }

    /** {@code time} null: no earliest time. */
    record NotBefore(String time) implements Command {
    }

    record SetTimeZone(String zone) implements Command {
    }

    record Away(String from, String to, boolean onCall) implements Command {
    }

    record MySchedule() implements Command {
    }

    // --- scheduling: coaches ------------------------------------------------------------------------------

    record ShowSchedule() implements Command {
    }

    record SaveSchedule(String everyWeeks, String weekdays, String time, String openHours, String remindAfterHours,
                        String groupId) implements Command {
    }

    record NextSession(String date, String time) implements Command {
    }

    /** Text longer than we accept; nothing of it is stored or logged. */
    record TooLong(int length, int limit) implements Command {
    }

    /** A card submit whose data we can't place (an old card, a card from another app). */
    record UnknownCardAction() implements Command {
    }

    record Unknown() implements Command {
    }

    // --- peer coaching ------------------------------------------------------------------------------------

    /** Coach: the peer-coaching plan card. */
    record ShowPeerCoaching() implements Command {
    }

    /** Coach: the plan card came back. */
    record SavePeerCoaching(String everyWeeks, String weekday, String time, String mode, String totalRounds,
                            String followUpDays, String groupId) implements Command {
    }

    /** Coach: run the next round now, to try it out. */
    record PairNow() implements Command {
    }

    /** Coach: the card to choose two people who must never be paired. */
    record ShowForbidPair() implements Command {
    }

    record ForbidPair(String first, String second) implements Command {
    }

    /** Coach: feedback on a theme ("rename theme A to B", "merge themes A into B", "not about A: text"). */
    record ThemeFeedback(Kind kind, String theme, String value) implements Command {

        enum Kind { RENAME, MERGE, NOT_ABOUT, MORE_LIKE }
    }

    /** Coach: one of the team-level reports, for the programme or one group, over a period. */
    record TeamReport(Report report, String group, String since) implements Command {

        enum Report { SUMMARY, THEMES, WELLBEING, ACTIONS, PARTICIPATION, EXPORT }
    }

    /** Coach: the confidential peer-coaching summary. */
    record ShowPairs() implements Command {
    }

    record MyPairings() implements Command {
    }

    /** {@code memberId} from the nudge card; null when typed (their current round). */
    record CantThisRound(String memberId) implements Command {
    }

    record OptOutOfPeerCoaching() implements Command {
    }

    record OptInToPeerCoaching() implements Command {
    }

    /** The follow-up card came back: did you meet (yes, no, not yet), how useful (1–5), one thing. */
    record AnswerPairingFollowUp(String followUpId, String met, String usefulness, String oneThing)
            implements Command {
    }
}
