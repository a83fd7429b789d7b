package com.waymark.privacy;

/** What kind of aggregate a coach read: the "what" of an audit entry, in words a participant understands. */
public enum ReadKind {
    TEAM_SUMMARY("Team wellbeing and energy summary"),
    THEMES("Themes from reflections"),
    QUOTES("Anonymous quotes from reflections"),
    PAIRS("Peer-coaching summary (pairs that met, usefulness, coverage)"),
    TEAM_OVERVIEW("Team summary (participation, wellbeing, themes, actions)"),
    PARTICIPATION("Check-in participation (how many people checked in)"),
    ACTIONS("Action-plan progress (done, on track, at risk)"),
    SESSION_DIGEST("Pre-session digest (participation, wellbeing, themes, actions, peer coaching)"),
    EXPORT("Export of team-level figures (CSV)"),
    DIAGNOSTIC("Answers before the first session (how many answered, their themes)"),
    EVALUATION("End-of-programme evaluation (ratings, recommendation, outcome measure)"),
    IMPACT_REPORT("Impact report for the programme's commissioners (team-level figures, PDF or CSV)"),
    SESSION_PULSE("After-session pulse and commitments, session by session");

    private final String label;

    ReadKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
