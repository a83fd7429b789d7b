package com.waymark.care;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a saved check-in should be answered with an offer of support. Plain arithmetic on the
 * person's own ratings: nobody else sees the outcome unless the person asks for their coach to call. Only the
 * person's own words can make it {@link SupportTier#URGENT}; ratings alone, however low, never do.
 */
public final class SupportCheck {

    /** Recent enough to be "how you usually are": about six weeks of weekly check-ins. */
    static final int RECENT = 6;
    static final double SHARP_FALL = 2.0;
    /** "Low" on the 1–5 scale: 2 or below. */
    static final int LOW = 2;
    /** Check-ins in a row, this one included, that make a low week a low run rather than a one-off. */
    static final int RUN = 3;

    private SupportCheck() {
    }

    /**
     * @param wellbeing        the rating just saved, 1 to 5
     * @param earlierWellbeing the person's earlier ratings, oldest first (the one just saved not included)
     * @param reflection       what they wrote, may be null
     */
    public static Optional<SupportReason> assess(int wellbeing, List<Integer> earlierWellbeing, String reflection) {
        if (CrisisSignals.in(reflection)) {
            return Optional.of(SupportReason.CRISIS_WORDS);
        }
        int lowBefore = 0;
        for (int i = earlierWellbeing.size() - 1; i >= 0 && earlierWellbeing.get(i) <= LOW; i--) {
            lowBefore++;
        }
        if (wellbeing <= LOW && lowBefore + 1 >= RUN) {
            return Optional.of(SupportReason.LOW_RUN);
        }
        if (wellbeing <= 1) {
            return Optional.of(SupportReason.LOWEST_WELLBEING);
        }
        List<Integer> recent = earlierWellbeing.subList(Math.max(0, earlierWellbeing.size() - RECENT),
                earlierWellbeing.size());
        double usual = recent.stream().mapToInt(Integer::intValue).average().orElse(wellbeing);
        return usual - wellbeing >= SHARP_FALL ? Optional.of(SupportReason.SHARP_FALL) : Optional.empty();
    }
}
