package com.waymark.care;

/** Why a check-in reply offers support: it sets the tier of the offer and the first line of the card. */
public enum SupportReason {
    /** The reflection has words that suggest the person may be at risk ({@link CrisisSignals}). */
    CRISIS_WORDS(SupportTier.URGENT),
    /** Wellbeing low ({@link SupportCheck#LOW} or below) for the last {@link SupportCheck#RUN} check-ins. */
    LOW_RUN(SupportTier.LOW_RUN),
    /** Wellbeing 1, "struggling", once. */
    LOWEST_WELLBEING(SupportTier.LOW_WEEK),
    /** Wellbeing at least two points below the person's own recent average. */
    SHARP_FALL(SupportTier.LOW_WEEK);

    private final SupportTier tier;

    SupportReason(SupportTier tier) {
        this.tier = tier;
    }

    public SupportTier tier() {
        return tier;
    }
}
