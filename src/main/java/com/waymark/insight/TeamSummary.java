package com.waymark.insight;

import com.waymark.cycle.SessionPulses;

/** The answer to "summary": every team-level figure of the period at once. */
public record TeamSummary(ReportHeader header, ParticipationReport participation, WellbeingReport wellbeing,
                          ThemeReport themes, ActionReport actions, SessionPulses.CycleReport cycle) {

    /** Without the coaching cycle's section (a group's summary, or no session has ended). */
    public TeamSummary(ReportHeader header, ParticipationReport participation, WellbeingReport wellbeing,
                       ThemeReport themes, ActionReport actions) {
        this(header, participation, wellbeing, themes, actions, null);
    }
}
