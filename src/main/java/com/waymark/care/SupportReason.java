package com.waymark.care;

/** Why a check-in reply offers support; it shapes the first line of the card, nothing else. */
public enum SupportReason {
    /** The reflection has words that suggest the person may be at risk ({@link CrisisSignals}). */
    CRISIS_WORDS,
    /** Wellbeing 1, "struggling". */
    LOWEST_WELLBEING,
    /** Wellbeing at least two points below the person's own recent average. */
    SHARP_FALL
}
