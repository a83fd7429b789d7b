package com.waymark.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.waymark.checkin.BlockerKind;
import com.waymark.checkin.TeamCheckIns.ActionState;
import com.waymark.checkin.TeamCheckIns.Rating;
import com.waymark.privacy.ConfidentialityPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The team figures at the edges of suppression: 4 people against 5, complements, periods, groups. */
class TeamFiguresTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final InsightPeriod PERIOD = new InsightPeriod(NOW.minus(Duration.ofDays(14)), NOW);
    static final Instant IN_PERIOD = NOW.minus(Duration.ofDays(2));
    static final Instant BEFORE = NOW.minus(Duration.ofDays(20));

    @Test
    void wellbeingNeedsFiveDistinctPeopleNotFiveCheckIns() {
        InsightScope scope = scope(people(1, 10), null, Map.of());
        List<Rating> fourPeopleManyTimes = new ArrayList<>();
        for (long p = 1; p <= 4; p++) {
            for (int i = 0; i < 3; i++) {
                fourPeopleManyTimes.add(new Rating(p, 4, 4, IN_PERIOD.minusSeconds(i)));
            }
        }
        assertThat(new TeamFigures(scope).wellbeing(fourPeopleManyTimes, 0.5).report().shown()).isFalse();
        assertThat(new TeamFigures(scope).wellbeing(fourPeopleManyTimes, 0.5).included()).isEmpty();

        fourPeopleManyTimes.add(new Rating(5, 1, 1, IN_PERIOD));
        WellbeingReport five = new TeamFigures(scope).wellbeing(fourPeopleManyTimes, 0.5).report();
        assertThat(five.people()).isEqualTo(5);
        // Each person counts once: (4+4+4+4+1)/5, not the mean of 13 check-ins.
        assertThat(five.mean()).isEqualTo(3.4);
    }

    @Test
    void bandsHideASmallBandAndTheNextSmallestSoNeitherCanBeSubtracted() {
        InsightScope scope = scope(people(1, 10), null, Map.of());
        List<Rating> ratings = new ArrayList<>();
        for (long p = 1; p <= 9; p++) {
            ratings.add(new Rating(p, p <= 6 ? 4 : 2, 3, IN_PERIOD));
        }
        List<WellbeingReport.Band> bands = new TeamFigures(scope).wellbeing(ratings, 0.5).report().bands();
        Map<Integer, Integer> shown = new HashMap<>();
        bands.forEach(b -> shown.put(b.score(), b.people()));
        // Six said 4, three said 2: the three are hidden, and so is the six (9 total minus 6 would give them).
        assertThat(shown.get(2)).isNull();
        assertThat(shown.get(4)).isNull();
    }

    @Test
    void theChangeSinceLastPeriodIsHiddenWhenAHandfulOfPeopleDiffer() {
        InsightScope scope = scope(people(1, 20), null, Map.of());
        List<Rating> ratings = new ArrayList<>();
        for (long p = 1; p <= 8; p++) {
            ratings.add(new Rating(p, 4, 4, BEFORE));
            ratings.add(new Rating(p, 3, 3, IN_PERIOD));
        }
        WellbeingReport same = new TeamFigures(scope).wellbeing(ratings, 0.5).report();
        assertThat(same.change()).isEqualTo(-1.0);
        assertThat(same.notableFall()).isTrue();

        ratings.add(new Rating(9, 1, 1, IN_PERIOD)); // one newcomer: the change would be about them
        WellbeingReport oneMore = new TeamFigures(scope).wellbeing(ratings, 0.5).report();
        assertThat(oneMore.mean()).isNotNull();
        assertThat(oneMore.previous()).isNull();
        assertThat(oneMore.change()).isNull();
        assertThat(oneMore.notableFall()).isFalse();
    }

    @Test
    void participationIsACountOfWhoRespondedReleasedFromThresholdRespondersAsVivaGlintDoes() {
        InsightScope scope = scope(people(1, 12), null, Map.of());
        List<Rating> ratings = LongStream.rangeClosed(1, 11).mapToObj(p -> new Rating(p, 3, 3, IN_PERIOD)).toList();
        ParticipationReport report = new TeamFigures(scope).participation(ratings).report();
        // Eleven responded: at least the threshold, so the count is released; the one who did not is not named.
        assertThat(report.enrolled()).isEqualTo(12);
        assertThat(report.answered()).isEqualTo(11);
        assertThat(report.notAnswered()).isEqualTo(1);

        List<Rating> nine = LongStream.rangeClosed(1, 9).mapToObj(p -> new Rating(p, 3, 3, IN_PERIOD)).toList();
        ParticipationReport nineOfTwelve = new TeamFigures(scope).participation(nine).report();
        assertThat(nineOfTwelve.answered()).isEqualTo(9);
        assertThat(nineOfTwelve.notAnswered()).isEqualTo(3);
        assertThat(nineOfTwelve.percent()).isEqualTo(75);
        assertThat(new TeamFigures(scope).wellbeing(nine, 0.5).report().people())
                .as("wellbeing's People is the same count, released on the same test").isEqualTo(9);

        List<Rating> four = LongStream.rangeClosed(1, 4).mapToObj(p -> new Rating(p, 3, 3, IN_PERIOD)).toList();
        ParticipationReport fewer = new TeamFigures(scope).participation(four).report();
        assertThat(fewer.answered()).isNull();
        assertThat(fewer.notAnswered()).as("12 enrolled minus it would give the hidden count").isNull();
        assertThat(fewer.checkIns()).isNull();
        assertThat(new TeamFigures(scope).wellbeing(four, 0.5).report().people()).isNull();
    }

    @Test
    void aGroupIsShownOnlyWhenEveryOtherGroupIsLargeEnoughOrHiddenWithIt() {
        Map<Long, Long> groups = new HashMap<>();
        LongStream.rangeClosed(1, 6).forEach(p -> groups.put(p, 100L));
        LongStream.rangeClosed(7, 10).forEach(p -> groups.put(p, 200L));
        LongStream.rangeClosed(11, 16).forEach(p -> groups.put(p, 300L));
        List<Rating> ratings = LongStream.rangeClosed(1, 16).mapToObj(p -> new Rating(p, 3, 3, IN_PERIOD)).toList();
        // Groups of 6, 4 and 6: the 4 is hidden; so must be one 6, or the programme minus the other 6 gives it.
        boolean first = shown(ratings, groups, 100L);
        boolean small = shown(ratings, groups, 200L);
        boolean third = shown(ratings, groups, 300L);
        assertThat(small).isFalse();
        assertThat(first ^ third).as("exactly one of the two larger groups stays visible").isTrue();
        assertThat(new TeamFigures(scope(groups.keySet(), null, groups)).wellbeing(ratings, 0.5).report().shown())
                .isTrue();
    }

    @Test
    void actionCountsNeedFiveOwnersEachAndNoTotalIsGiven() {
        InsightScope scope = scope(people(1, 10), null, Map.of());
        List<ActionState> actions = new ArrayList<>();
        for (long p = 1; p <= 5; p++) {
            actions.add(new ActionState(p, true, IN_PERIOD.minus(Duration.ofDays(5)), IN_PERIOD, null));
        }
        for (long p = 6; p <= 9; p++) {
            actions.add(new ActionState(p, false, NOW.minus(Duration.ofDays(60)), null, BlockerKind.TIME));
        }
        ActionReport report = new TeamFigures(scope).actions(actions, 28).report();
        assertThat(report.done()).isEqualTo(5);
        assertThat(report.atRisk()).as("four owners").isNull();
        assertThat(report.onTrack()).as("nobody").isNull();
    }

    @Test
    void thePeriodBeforeAWholeDayPeriodIsAsManyWholeDaysEvenAcrossTheClockChange() {
        ZoneId london = ZoneId.of("Europe/London");
        // 14 days up to and including Wednesday 4 November; the clocks went back on Sunday 25 October.
        InsightPeriod period = InsightPeriod.days(java.time.LocalDate.of(2026, 10, 22),
                java.time.LocalDate.of(2026, 11, 5), london);
        InsightPeriod before = period.previous();
        assertThat(before.from()).isEqualTo(java.time.LocalDate.of(2026, 10, 8).atStartOfDay(london).toInstant());
        assertThat(before.to()).isEqualTo(period.from());
    }

    @Test
    void aSecondReadOverOneMorePersonIsHeldBackAndSaysSo() {
        InsightScope scope = scope(people(1, 20), null, Map.of());
        List<Rating> ratings = new ArrayList<>();
        for (long p = 1; p <= 5; p++) {
            ratings.add(new Rating(p, 4, 4, IN_PERIOD, p));
        }
        com.waymark.privacy.Releases ledger = com.waymark.privacy.Releases.empty(scope.policy(), NOW);
        assertThat(new TeamFigures(scope, ledger).wellbeing(ratings, 0.5).report().mean()).isEqualTo(4.0);
        assertThat(new TeamFigures(scope, ledger).participation(ratings).report().answered()).isEqualTo(5);
        ratings.add(new Rating(6, 1, 1, IN_PERIOD, 6));
        WellbeingReport second = new TeamFigures(scope, ledger).wellbeing(ratings, 0.5).report();
        assertThat(second.mean()).isNull();
        assertThat(second.heldBack()).isTrue();
        assertThat(new TeamFigures(scope, ledger).participation(ratings).report().answered()).isNull();
        assertThat(ledger.heldBack()).as("the period, its week on the trend line, participation").isEqualTo(3);
    }

    private static boolean shown(List<Rating> ratings, Map<Long, Long> groups, long group) {
        Set<Long> cohort = groups.entrySet().stream().filter(e -> e.getValue() == group).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new TeamFigures(scope(cohort, group, groups)).wellbeing(ratings, 0.5).report().shown();
    }

    private static Set<Long> people(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }

    private static InsightScope scope(Set<Long> cohort, Long groupId, Map<Long, Long> groupOf) {
        Map<Long, Long> all = groupOf.isEmpty()
                ? cohort.stream().collect(Collectors.toMap(p -> p, p -> InsightScope.NO_GROUP)) : groupOf;
        return new InsightScope(1, "Test", groupId, groupId == null ? null : "g" + groupId, ZoneId.of("Europe/London"),
                PERIOD, "over the last two weeks", cohort, all, ConfidentialityPolicy.withThreshold(5));
    }
}
