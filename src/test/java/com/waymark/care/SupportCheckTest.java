package com.waymark.care;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupportCheckTest {

    @Test
    void wellbeingOneOffersSupportEvenOnAFirstCheckIn() {
        assertThat(SupportCheck.assess(1, List.of(), null)).contains(SupportReason.LOWEST_WELLBEING);
    }

    @Test
    void aFallOfTwoAgainstTheRecentAverageOffersSupport() {
        assertThat(SupportCheck.assess(2, List.of(4, 4, 4), "")).contains(SupportReason.SHARP_FALL);
        assertThat(SupportCheck.assess(3, List.of(5), "")).contains(SupportReason.SHARP_FALL);
    }

    @Test
    void aSmallerFallDoesNot() {
        // Average 3.67, now 2: a fall of 1.67.
        assertThat(SupportCheck.assess(2, List.of(4, 4, 3), "")).isEmpty();
        assertThat(SupportCheck.assess(3, List.of(4, 5, 4), "")).isEmpty();
        assertThat(SupportCheck.assess(2, List.of(), "")).isEmpty();
    }

    @Test
    void onlyRecentCheckInsMakeTheAverage() {
        // Long ago at 5, lately at 3: a 2 now is a fall of 1 from how they have been.
        List<Integer> earlier = List.of(5, 5, 5, 5, 5, 5, 3, 3, 3, 3, 3, 3);
        assertThat(SupportCheck.assess(2, earlier, "")).isEmpty();
        assertThat(SupportCheck.assess(1, earlier, "")).contains(SupportReason.LOWEST_WELLBEING);
    }

    @Test
    void crisisWordsComeFirstWhateverTheRatings() {
        assertThat(SupportCheck.assess(4, List.of(4, 4), "Some days I want to disappear"))
                .contains(SupportReason.CRISIS_WORDS);
        assertThat(SupportCheck.assess(1, List.of(), "I can't go on")).contains(SupportReason.CRISIS_WORDS);
    }

    @Test
    void threeLowCheckInsRunningAreALowRunNotAOneOff() {
        assertThat(SupportCheck.assess(2, List.of(4, 2, 2), "")).contains(SupportReason.LOW_RUN);
        assertThat(SupportCheck.assess(1, List.of(2, 1), null)).contains(SupportReason.LOW_RUN);
        // Two low weeks are not yet a run; a good week in between starts again.
        assertThat(SupportCheck.assess(2, List.of(4, 2), "")).isEmpty();
        assertThat(SupportCheck.assess(1, List.of(2, 3), "")).contains(SupportReason.LOWEST_WELLBEING);
        assertThat(SupportCheck.assess(3, List.of(2, 2, 2), "")).isEmpty();
    }

    @Test
    void eachReasonHasTheTierItsWordsCallFor() {
        assertThat(SupportReason.LOWEST_WELLBEING.tier()).isEqualTo(SupportTier.LOW_WEEK);
        assertThat(SupportReason.SHARP_FALL.tier()).isEqualTo(SupportTier.LOW_WEEK);
        assertThat(SupportReason.LOW_RUN.tier()).isEqualTo(SupportTier.LOW_RUN);
        assertThat(SupportReason.CRISIS_WORDS.tier()).isEqualTo(SupportTier.URGENT);
        // However low and however long, ratings alone are never urgent: only a person's own words are.
        assertThat(SupportCheck.assess(1, List.of(1, 1, 1, 1, 1, 1), "Long week")).get()
                .extracting(SupportReason::tier).isEqualTo(SupportTier.LOW_RUN);
    }

    @Test
    void aGoodWeekNeedsNothing() {
        assertThat(SupportCheck.assess(4, List.of(3, 4), "Tried a new huddle format")).isEmpty();
    }
}
