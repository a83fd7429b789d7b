package com.waymark.teams.people;

import com.waymark.teams.Command;

/** A coach's view of the people in their programme, and what they record about each. */
public sealed interface PeopleCommand extends Command {

    record Show() implements PeopleCommand {
    }

    /** The people card came back: a blank field keeps what is recorded. */
    record Describe(String participantId, String role, String organisation, String groupId,
                    String lineManagerId) implements PeopleCommand {
    }
}
