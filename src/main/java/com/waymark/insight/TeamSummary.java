package com.waymark.insight;

/**
 * The answer to "summary": every team-level figure of the period at once; before the programme's first session,
 * also its diagnostic ({@code diagnostic}, else null).
 */
public record TeamSummary(ReportHeader header, ParticipationReport participation, WellbeingReport wellbeing,
                          ThemeReport themes, ActionReport actions, DiagnosticDigest diagnostic) {

    public TeamSummary(ReportHeader header, ParticipationReport participation, WellbeingReport wellbeing,
                       ThemeReport themes, ActionReport actions) {
        this(header, participation, wellbeing, themes, actions, null);
    }

    /** The same summary with the diagnostic's section. */
    public TeamSummary withDiagnostic(DiagnosticDigest section) {
        return new TeamSummary(header, participation, wellbeing, themes, actions, section);
    }
}
