package com.waymark.teams.trend;

import com.waymark.teams.Command;

/** A person's own wellbeing and energy over time. */
public sealed interface TrendCommand extends Command {

    record Show() implements TrendCommand {
    }
}
