package com.waymark.teams.impact;

import com.waymark.teams.Command;

/** What the impact slice understands. */
public sealed interface ImpactCommand extends Command {

    /** {@code impact report}: the coach's current programme's report, as a PDF and as CSV. */
    record Report() implements ImpactCommand {
    }
}
