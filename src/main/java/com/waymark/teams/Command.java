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
                         String endsOn, String threshold, String retentionDays, String sessionMinutes)
            implements Command {
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

    /** In a team or group chat: import the roster into the coach's current programme. */
    record EnrolTeam() implements Command {
    }

    /** In a team or group chat: show a card to pick people from the roster. */
    record PickPeople() implements Command {
    }

    record EnrolSelected(String participantIds, String groupId) implements Command {
    }

    // --- scheduling: coaches ------------------------------------------------------------------------------


    /** Text longer than we accept; nothing of it is stored or logged. */
    record TooLong(int length, int limit) implements Command {
    }

    /** A card submit whose data we can't place (an old card, a card from another app). */
    record UnknownCardAction() implements Command {
    }

    record Unknown() implements Command {
    }

    /** Coach: one of the team-level reports, for the programme or one group, over a period. */
    record TeamReport(Report report, String group, String since) implements Command {

        enum Report { SUMMARY, THEMES, WELLBEING, ACTIONS, PARTICIPATION, EXPORT }
    }
}
