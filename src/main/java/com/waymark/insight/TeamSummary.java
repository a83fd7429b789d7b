package com.waymark.insight;

/** The answer to "summary": every team-level figure of the period at once. */
public record TeamSummary(ReportHeader header, ParticipationReport participation, WellbeingReport wellbeing,
                          ThemeReport themes, ActionReport actions) {
}
