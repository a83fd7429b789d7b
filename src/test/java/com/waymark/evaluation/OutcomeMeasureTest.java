package com.waymark.evaluation;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scale as its authors published it: never reworded, scored by their rule, banded as the GMC reports it. */
class OutcomeMeasureTest {

    @Test
    void theSevenItemsAndTheirOptionsAreWordForWordThePublishedOnes() {
        assertThat(OutcomeMeasure.ITEMS).extracting(OutcomeMeasure.Item::text).containsExactly(
                "Is your work emotionally exhausting?",
                "Do you feel burnt out because of your work?",
                "Does your work frustrate you?",
                "Do you feel worn out at the end of the working day?",
                "Are you exhausted in the morning at the thought of another day at work?",
                "Do you feel that every working hour is tiring for you?",
                "Do you have enough energy for family and friends during leisure time?");
        assertThat(OutcomeMeasure.ITEMS.get(0).options()).containsExactly("To a very high degree",
                "To a high degree", "Somewhat", "To a low degree", "To a very low degree");
        assertThat(OutcomeMeasure.ITEMS.get(6).options()).containsExactly("Always", "Often", "Sometimes", "Seldom",
                "Never/almost never");
        assertThat(OutcomeMeasure.ITEMS).filteredOn(OutcomeMeasure.Item::reversed).hasSize(1);
    }

    @Test
    void scoredAsPublished() {
        // The most burnt-out answers: the first option everywhere, and "Never" enough energy for family and friends.
        assertThat(OutcomeMeasure.score(List.of(0, 0, 0, 0, 0, 0, 4))).isEqualTo(100.0);
        assertThat(OutcomeMeasure.score(List.of(4, 4, 4, 4, 4, 4, 0))).isEqualTo(0.0);
        // "Somewhat" and "Sometimes" are 50 whichever way the item runs.
        assertThat(OutcomeMeasure.score(List.of(2, 2, 2, 2, 2, 2, 2))).isEqualTo(50.0);
        // The mean of the items answered: 75, 75, 25 and 50 (the reversed item, "Sometimes").
        assertThat(OutcomeMeasure.score(Arrays.asList(1, null, 1, 3, null, null, 2))).isEqualTo(56.25);
    }

    @Test
    void fewerThanFourAnsweredIsNotAScore() {
        assertThatThrownBy(() -> OutcomeMeasure.score(Arrays.asList(0, 0, 0, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bandsAreTheGmcsOnThisScalesOrientation() {
        assertThat(OutcomeMeasure.band(49.9)).isEqualTo(OutcomeMeasure.Band.LOW);
        assertThat(OutcomeMeasure.band(50)).isEqualTo(OutcomeMeasure.Band.MODERATE);
        assertThat(OutcomeMeasure.band(74.9)).isEqualTo(OutcomeMeasure.Band.MODERATE);
        assertThat(OutcomeMeasure.band(75)).isEqualTo(OutcomeMeasure.Band.HIGH);
    }
}
