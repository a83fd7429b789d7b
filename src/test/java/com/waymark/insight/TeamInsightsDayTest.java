package com.waymark.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** "since …" on a report names a day of another year with its year. */
class TeamInsightsDayTest {

    @Test
    void aDayOfAnotherYearShowsItsYear() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(TeamInsights.day(LocalDate.of(2026, 11, 2), today)).isEqualTo("Mon 2 Nov");
        assertThat(TeamInsights.day(LocalDate.of(2025, 11, 3), today)).isEqualTo("Mon 3 Nov 2025");
    }
}
