package com.waymark.insight;

import com.waymark.cycle.SessionPulses;

/**
 * The answer to "summary": every team-level figure of the period at once; before the programme's first session,
 * also its diagnostic ({@code diagnostic}, else null); once sessions have ended, the coaching cycle's pulse and
 * commitments of the last of them ({@code cycle}, else null; never for a group's summary).
 */
public record TeamSummary(ReportHeader header, ParticipationReport participation, WellbeingReport wellbeing,
                          ThemeReport themes, ActionReport actions, DiagnosticDigest diagnostic,
                          SessionPulses.CycleReport cycle) {

    public TeamSummary(ReportHeader header, ParticipationReport participation, WellbeingReport wellbeing,
                       ThemeReport themes, ActionReport actions) {
        this(header, participation, wellbeing, themes, actions, null, null);
    }

    /** The same summary with the diagnostic's section. */
    public TeamSummary withDiagnostic(DiagnosticDigest section) {
        return new TeamSummary(header, participation, wellbeing, themes, actions, section, cycle);
    }

    /** The same summary with the coaching cycle's section. */
    public TeamSummary withCycle(SessionPulses.CycleReport section) {
        return new TeamSummary(header, participation, wellbeing, themes, actions, diagnostic, section);
    }
}
