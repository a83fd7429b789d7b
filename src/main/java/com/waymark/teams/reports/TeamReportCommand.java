package com.waymark.teams.reports;

import com.waymark.teams.Command;

/** A coach's team-level report, for the programme or one group, over a period. */
public sealed interface TeamReportCommand extends Command {

    enum Report { SUMMARY, THEMES, WELLBEING, ACTIONS, PARTICIPATION, EXPORT }

    /** {@code group}: a group's name, or null for the programme; {@code since}: "last session", a date, or null. */
    record Show(Report report, String group, String since) implements TeamReportCommand {
    }
}
