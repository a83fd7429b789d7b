package com.waymark.care;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a saved check-in should be answered with an offer of support. Plain arithmetic on the
 * person's own ratings: nobody else sees the outcome unless the person asks for their coach to call.
 */
public final class SupportCheck {

    /** Recent enough to be "how you usually are": about six weeks of weekly check-ins. */
    static final int RECENT = 6;
    static final double SHARP_FALL = 2.0;

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
        if (wellbeing <= 1) {
            return Optional.of(SupportReason.LOWEST_WELLBEING);
        }
        List<Integer> recent = earlierWellbeing.subList(Math.max(0, earlierWellbeing.size() - RECENT),
                earlierWellbeing.size());
        double usual = recent.stream().mapToInt(Integer::intValue).average().orElse(wellbeing);
        return usual - wellbeing >= SHARP_FALL ? Optional.of(SupportReason.SHARP_FALL) : Optional.empty();
    }
}
