package com.waymark.teams.programme;

import com.waymark.teams.Command;

/** A coach setting a programme up: its settings, its groups, and which programme they are working with. */
public sealed interface ProgrammeCommand extends Command {

    /** {@code name} null: show the settings card to fill in. */
    record Create(String name) implements ProgrammeCommand {
    }

    record Show() implements ProgrammeCommand {
    }

    record Edit() implements ProgrammeCommand {
    }

    /** The settings card came back; {@code programmeId} is null for a new programme. */
    record Save(String programmeId, String name, String organisations, String timeZone, String startsOn,
                String endsOn, String threshold, String retentionDays, String sessionMinutes)
            implements ProgrammeCommand {
    }

    record AddGroup(String name) implements ProgrammeCommand {
    }

    record Use(String name) implements ProgrammeCommand {
    }
}
