package com.waymark.programme;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one recurrence both check-in rhythms and peer-coaching rounds are made of. */
class RhythmTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void aFortnightlyRhythmKeepsToTheAnchorsWeeks() {
        // Anchored on Wednesday 6 January 2027: that week and every other one count, Tuesdays and Thursdays.
        Rhythm rhythm = new Rhythm(2, EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), NINE,
                LocalDate.of(2027, 1, 6));
        assertThat(rhythm.fallsOn(LocalDate.of(2027, 1, 5))).as("Tuesday of the anchor week").isTrue();
        assertThat(rhythm.fallsOn(LocalDate.of(2027, 1, 12))).as("Tuesday of the week after").isFalse();
        assertThat(rhythm.fallsOn(LocalDate.of(2027, 1, 19))).isTrue();
        assertThat(rhythm.fallsOn(LocalDate.of(2027, 1, 20))).as("a Wednesday").isFalse();
        // Occurrences count from the anchor itself: the Tuesday before it is not one of them.
        assertThat(rhythm.occurrence(0)).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(rhythm.occurrence(1)).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(rhythm.occurrence(2)).isEqualTo(LocalDate.of(2027, 1, 21));
    }

    @Test
    void theNextOccurrenceIsStrictlyAfterAndOnTheLocalClockAcrossDaylightSaving() {
        Rhythm mondays = Rhythm.on(1, DayOfWeek.MONDAY, NINE, null);
        // Monday 22 March 2027 at 09:00 GMT; asked at exactly that moment, the next is a week later, in BST.
        Instant mondayNine = Instant.parse("2027-03-22T09:00:00Z");
        assertThat(mondays.nextAfter(mondayNine.minusSeconds(1), LONDON)).isEqualTo(mondayNine);
        assertThat(mondays.nextAfter(mondayNine, LONDON)).isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
        // Not before the anchor, however early it is asked.
        Rhythm fromApril = Rhythm.on(1, DayOfWeek.MONDAY, NINE, LocalDate.of(2027, 4, 5));
        assertThat(fromApril.nextAfter(mondayNine, LONDON)).isEqualTo(Instant.parse("2027-04-05T08:00:00Z"));
        // A fortnightly rhythm skips its "off" week.
        Rhythm fortnightly = Rhythm.on(2, DayOfWeek.MONDAY, NINE, LocalDate.of(2027, 3, 22));
        assertThat(fortnightly.nextAfter(mondayNine, LONDON)).isEqualTo(Instant.parse("2027-04-05T08:00:00Z"));
    }

    @Test
    void aRoundEveryFewWeeksIsTheFirstPlusThatManyWeeks() {
        Rhythm rounds = Rhythm.on(3, DayOfWeek.FRIDAY, LocalTime.of(14, 30), LocalDate.of(2027, 1, 8));
        for (int k = 0; k < 20; k++) {
            assertThat(rounds.occurrence(k)).isEqualTo(LocalDate.of(2027, 1, 8).plusWeeks(3L * k));
        }
    }

    @Test
    void problemsAreNamedSoEachFeatureCanWordThem() {
        assertThat(Rhythm.on(1, DayOfWeek.MONDAY, NINE, null).problems(2)).isEmpty();
        assertThat(new Rhythm(3, Set.of(), null, null).problems(2)).containsExactlyInAnyOrder(
                Rhythm.Problem.EVERY_WEEKS_OUT_OF_RANGE, Rhythm.Problem.NO_WEEKDAY, Rhythm.Problem.NO_TIME);
        assertThat(Rhythm.on(0, DayOfWeek.MONDAY, NINE, null).problems(4))
                .containsExactly(Rhythm.Problem.EVERY_WEEKS_OUT_OF_RANGE);
        assertThat(Rhythm.on(4, DayOfWeek.MONDAY, NINE, null).problems(4)).isEmpty();
    }

    @Test
    void itsWordsForCards() {
        assertThat(new Rhythm(1, EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), NINE, null).describe())
                .isEqualTo("every Monday and Thursday at 09:00");
        assertThat(Rhythm.on(2, DayOfWeek.TUESDAY, LocalTime.of(14, 0), null).describe())
                .isEqualTo("every 2 weeks on Tuesday at 14:00");
    }
}
