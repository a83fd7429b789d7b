package com.waymark.teams.enrolment;

import com.waymark.teams.Command;

/** A coach bringing the people of a team or group chat into their current programme. */
public sealed interface TeamEnrolmentCommand extends Command {

    /** "enrol": everyone in the chat. */
    record Everyone() implements TeamEnrolmentCommand {
    }

    /** "add people": a card to choose who from the chat's members. */
    record PickPeople() implements TeamEnrolmentCommand {
    }

    /** The card came back: Teams ids of those chosen, comma-separated, and a group's id or blank. */
    record Chosen(String participantIds, String groupId) implements TeamEnrolmentCommand {
    }
}
