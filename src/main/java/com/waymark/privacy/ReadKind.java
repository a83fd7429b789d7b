package com.waymark.privacy;

/** What kind of aggregate a coach read: the "what" of an audit entry, in words a participant understands. */
public enum ReadKind {
    TEAM_SUMMARY("Team wellbeing and energy summary"),
    THEMES("Themes from reflections"),
    QUOTES("Anonymous quotes from reflections"),
    PAIRS("Peer-coaching summary (pairs that met, usefulness, coverage)");

    private final String label;

    ReadKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
