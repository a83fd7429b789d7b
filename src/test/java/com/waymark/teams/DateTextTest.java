package com.waymark.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DateTextTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDateThisYearLeavesOutTheYearAndAnyOtherShowsIt() {
        assertThat(DateText.when(Instant.parse("2026-12-17T14:00:00Z"), LONDON, DEC_2026))
                .isEqualTo("Thursday 17 Dec at 14:00");
        assertThat(DateText.when(Instant.parse("2027-01-04T09:00:00Z"), LONDON, DEC_2026))
                .isEqualTo("Monday 4 Jan 2027 at 09:00");
        assertThat(DateText.when(Instant.parse("2031-06-02T13:00:00Z"), LONDON, DEC_2026))
                .isEqualTo("Monday 2 Jun 2031 at 14:00");
        assertThat(DateText.day(LocalDate.of(2026, 11, 30), LONDON, DEC_2026)).isEqualTo("30 Nov");
        assertThat(DateText.day(LocalDate.of(2025, 11, 30), LONDON, DEC_2026)).isEqualTo("30 Nov 2025");
        assertThat(DateText.weekday(LocalDate.of(2027, 1, 1), LONDON, DEC_2026)).isEqualTo("Fri 1 Jan 2027");
    }

    @Test
    void theYearIsTheReadersOwn() {
        Clock newYearsEveInLondon = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        ZoneId auckland = ZoneId.of("Pacific/Auckland"); // already 2027 there
        assertThat(DateText.when(Instant.parse("2027-01-01T01:00:00Z"), auckland, newYearsEveInLondon))
                .isEqualTo("Friday 1 Jan at 14:00");
        assertThat(DateText.when(Instant.parse("2027-01-01T01:00:00Z"), LONDON, newYearsEveInLondon))
                .isEqualTo("Friday 1 Jan 2027 at 01:00");
    }

    @Test
    void zonesReadAsPeopleSayThem() {
        assertThat(DateText.zone(LONDON)).isEqualTo("UK time");
        assertThat(DateText.zone(ZoneId.of("Europe/Jersey"))).isEqualTo("UK time");
        assertThat(DateText.zone(ZoneId.of("Europe/Paris"))).isEqualTo("Paris time");
        assertThat(DateText.zone(ZoneId.of("America/Los_Angeles"))).isEqualTo("Los Angeles time");
        assertThat(DateText.zone(ZoneId.of("America/Argentina/Buenos_Aires"))).isEqualTo("Buenos Aires time");
        assertThat(DateText.zone(ZoneId.of("UTC"))).isEqualTo("UTC");
        assertThat(DateText.zone(ZoneId.of("Etc/GMT"))).isEqualTo("UTC");
        assertThat(DateText.zone(ZoneId.of("Etc/GMT-5"))).isEqualTo("UTC+05:00");
    }
}
