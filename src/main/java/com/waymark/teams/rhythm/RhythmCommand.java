package com.waymark.teams.rhythm;

import com.waymark.teams.Command;

/** A coach's check-in rhythm for their programme or one of its groups. */
public sealed interface RhythmCommand extends Command {

    record Show() implements RhythmCommand {
    }

    /** The rhythm card came back: its inputs raw, checked where they are used. */
    record Save(String everyWeeks, String weekdays, String time, String openHours, String remindAfterHours,
                String groupId) implements RhythmCommand {
    }
}
