package com.waymark.insight;

import java.time.LocalDate;

/**
 * What a coach asked for: optionally one group ("summary team Blue") and where the period starts
 * ("since 2026-11-02", "since last session"). With neither, the period runs from the last session, or
 * covers the last two weeks when there has been none.
 */
public record ScopeRequest(String group, LocalDate since, boolean sinceLastSession) {

    public static ScopeRequest everything() {
        return new ScopeRequest(null, null, false);
    }
}
