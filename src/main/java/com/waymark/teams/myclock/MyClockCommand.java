package com.waymark.teams.myclock;

import com.waymark.teams.Command;

/** A person's own clock: when their check-ins and other messages may reach them. */
public sealed interface MyClockCommand extends Command {

    record Snooze(String duration) implements MyClockCommand {
    }

    record Skip() implements MyClockCommand {
    }

    record Pause(String weeks) implements MyClockCommand {
    }

    record Resume() implements MyClockCommand {
    }

    /** {@code from}/{@code to} null: quiet hours off. */
    record QuietHours(String from, String to) implements MyClockCommand {
    }

    record NotOnDay(String weekday, boolean excluded) implements MyClockCommand {
    }

    /** {@code time} null: no earliest time. */
    record NotBefore(String time) implements MyClockCommand {
    }

    record SetTimeZone(String zone) implements MyClockCommand {
    }

    record Away(String from, String to, boolean onCall) implements MyClockCommand {
    }

    record MySchedule() implements MyClockCommand {
    }
}
