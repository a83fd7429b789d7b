package com.waymark.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.waymark.privacy.ConfidentialityPolicy.Breakdown;
import com.waymark.privacy.ConfidentialityPolicy.Cell;
import com.waymark.privacy.ConfidentialityPolicy.PeriodComparison;
import com.waymark.privacy.ConfidentialityPolicy.QuoteCandidate;
import com.waymark.privacy.ConfidentialityPolicy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfidentialityPolicyTest {

    private final ConfidentialityPolicy five = ConfidentialityPolicy.withThreshold(5);

    @ParameterizedTest(name = "threshold {0}, {1} people: shown={2}")
    @CsvSource({"5,4,false", "5,5,true", "5,6,true", "5,0,false", "3,2,false", "3,3,true", "8,7,false", "8,8,true"})
    void aCellNeedsThresholdManyPeople(int threshold, int people, boolean shown) {
        Cell cell = ConfidentialityPolicy.withThreshold(threshold).cell("wellbeing", people);
        assertThat(cell.shown()).isEqualTo(shown);
        assertThat(cell.reason()).isEqualTo(shown ? Reason.SHOWN : Reason.TOO_FEW_PEOPLE);
    }

    @ParameterizedTest
    @CsvSource({"2,3", "1,3", "0,3", "-4,3", "3,3", "4,4"})
    void thresholdIsNeverBelowThree(int asked, int effective) {
        ConfidentialityPolicy policy = ConfidentialityPolicy.withThreshold(asked);
        assertThat(policy.threshold()).isEqualTo(effective);
        assertThat(policy.cell("x", 2).shown()).isFalse();
    }

    /** "0 of 6 met", "6 of 6 met" and "1 of 6 met another role" each tell a coach something about one person. */
    @ParameterizedTest(name = "{0} of {1}: shown={2}")
    @CsvSource({"0,6,false", "6,6,false", "1,6,false", "5,6,false", "5,10,true", "4,10,false", "6,11,true",
            "3,4,false"})
    void aShareIsShownOnlyWhenNeitherSideIsSmall(int yes, int everyone, boolean shown) {
        List<Long> all = java.util.stream.LongStream.rangeClosed(1, everyone).boxed().toList();
        assertThat(five.share("met", all.subList(0, yes), all)).isEqualTo(shown);
    }

    @Test
    void peopleAreCountedOnceHoweverManyResponsesTheyGave() {
        // Five check-ins from four people: still four people.
        assertThat(five.cell("responses", List.of(1L, 2L, 3L, 4L, 4L)).shown()).isFalse();
        assertThat(five.cell("responses", List.of(1L, 2L, 3L, 4L, 5L)).shown()).isTrue();
        assertThatThrownBy(() -> five.cell("x", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allPartsLargeEnoughAreAllShown() {
        Breakdown b = five.breakdown("programme", parts("East", 5, "West", 6, "North", 9));
        assertThat(b.total().shown()).isTrue();
        assertThat(b.parts()).allMatch(Cell::shown);
        assertThat(b.total().people()).isEqualTo(20);
    }

    @Test
    void oneSmallPartHidesTheNextSmallestSoSubtractionRevealsNothing() {
        // Total 19 and East 6 and North 9 would give West = 4 by subtraction.
        Breakdown b = five.breakdown("programme", parts("East", 6, "West", 4, "North", 9));
        assertThat(b.total().shown()).isTrue();
        assertThat(b.part("West").reason()).isEqualTo(Reason.TOO_FEW_PEOPLE);
        assertThat(b.part("East").reason()).isEqualTo(Reason.COMPLEMENTARY);
        assertThat(b.part("North").shown()).isTrue();
    }

    @Test
    void fourAgainstFiveAtTheEdge() {
        Breakdown justEnough = five.breakdown("programme", parts("A", 5, "B", 5));
        assertThat(justEnough.parts()).allMatch(Cell::shown);

        Breakdown oneShort = five.breakdown("programme", parts("A", 5, "B", 4));
        assertThat(oneShort.total().shown()).isTrue();
        assertThat(oneShort.parts()).noneMatch(Cell::shown);
        assertThat(oneShort.part("A").reason()).isEqualTo(Reason.COMPLEMENTARY);
    }

    @Test
    void tiesForNextSmallestAreBrokenTheSameWayEveryTime() {
        Breakdown b = five.breakdown("programme", parts("Zeta", 7, "Alpha", 7, "Small", 2, "Big", 30));
        assertThat(b.part("Alpha").reason()).isEqualTo(Reason.COMPLEMENTARY);
        assertThat(b.part("Zeta").shown()).isTrue();
        assertThat(b.part("Big").shown()).isTrue();
    }

    @Test
    void twoSmallPartsThatStillSumBelowTheThresholdHideAThird() {
        // West 1 + South 2 = 3 people by subtraction: still fewer than five, so hide East too.
        Breakdown b = five.breakdown("programme", parts("East", 6, "West", 1, "South", 2, "North", 9));
        assertThat(b.part("East").reason()).isEqualTo(Reason.COMPLEMENTARY);
        assertThat(b.part("North").shown()).isTrue();
        assertThat(b.total().shown()).isTrue();
    }

    @Test
    void twoSmallPartsThatTogetherReachTheThresholdNeedNothingMore() {
        Breakdown b = five.breakdown("programme", parts("East", 6, "West", 3, "South", 2, "North", 9));
        assertThat(b.part("West").shown()).isFalse();
        assertThat(b.part("South").shown()).isFalse();
        assertThat(b.part("East").shown()).isTrue();
        assertThat(b.part("North").shown()).isTrue();
    }

    @Test
    void anEmptyPartIsProtectedToo() {
        // "Nobody in West answered" is a statement about each person in West.
        Breakdown b = five.breakdown("programme", parts("East", 8, "West", 0, "North", 9));
        assertThat(b.part("West").shown()).isFalse();
        assertThat(b.part("East").reason()).isEqualTo(Reason.COMPLEMENTARY);
    }

    @Test
    void aSmallTotalHidesEverything() {
        Breakdown b = five.breakdown("programme", parts("East", 2, "West", 2));
        assertThat(b.total().reason()).isEqualTo(Reason.TOO_FEW_PEOPLE);
        assertThat(b.parts()).allMatch(c -> c.reason() == Reason.TOO_FEW_PEOPLE);
    }

    @Test
    void aSingleSmallPartBesideOneLargeOneHidesBoth() {
        Breakdown b = five.breakdown("programme", parts("Everyone else", 12, "No group", 1));
        assertThat(b.total().shown()).isTrue();
        assertThat(b.parts()).noneMatch(Cell::shown);
    }

    @Test
    void periodChangeWithTheSamePeopleIsShown() {
        PeriodComparison c = five.compare(ids(1, 2, 3, 4, 5), ids(1, 2, 3, 4, 5));
        assertThat(c.previous().shown()).isTrue();
        assertThat(c.current().shown()).isTrue();
        assertThat(c.change().shown()).isTrue();
        assertThat(c.change().people()).isZero();
    }

    @Test
    void oneNewPersonWouldBeReadByDifferenceSoCurrentAndChangeAreHidden() {
        PeriodComparison c = five.compare(ids(1, 2, 3, 4, 5), ids(1, 2, 3, 4, 5, 6));
        assertThat(c.previous().shown()).isTrue();
        assertThat(c.current().reason()).isEqualTo(Reason.COMPLEMENTARY);
        assertThat(c.change().reason()).isEqualTo(Reason.FEW_PEOPLE_CHANGED);
        assertThat(c.change().people()).isEqualTo(1);
    }

    @Test
    void oneLeaverAndOneJoinerAreTwoChangedPeople() {
        PeriodComparison c = five.compare(ids(1, 2, 3, 4, 5, 6), ids(2, 3, 4, 5, 6, 7));
        assertThat(c.change().people()).isEqualTo(2);
        assertThat(c.change().shown()).isFalse();
    }

    @Test
    void enoughChangedPeopleMakeTheChangeSafe() {
        PeriodComparison c = five.compare(ids(1, 2, 3, 4, 5), ids(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertThat(c.change().people()).isEqualTo(5);
        assertThat(c.current().shown()).isTrue();
        assertThat(c.change().shown()).isTrue();
    }

    @Test
    void noChangeIsShownWhenEitherPeriodIsTooSmall() {
        PeriodComparison c = five.compare(ids(1, 2, 3, 4), ids(1, 2, 3, 4, 5));
        assertThat(c.previous().shown()).isFalse();
        assertThat(c.change().shown()).isFalse();
        assertThat(c.current().shown()).isTrue();
    }

    @Test
    void quotesOnlyFromOptedInAuthorsInThemesWithEnoughContributors() {
        List<QuoteCandidate> theme = List.of(
                new QuoteCandidate(1, true, "  Named the elephant in the room.  "),
                new QuoteCandidate(2, false, "Private thought"),
                new QuoteCandidate(3, false, "Another private one"),
                new QuoteCandidate(4, true, " "),
                new QuoteCandidate(5, true, "Slept better this week"));
        assertThat(five.quotable(theme)).containsExactly("Named the elephant in the room.", "Slept better this week");
    }

    @Test
    void noQuotesWhenTheThemeHasFourContributorsEvenIfManyResponses() {
        List<QuoteCandidate> theme = List.of(
                new QuoteCandidate(1, true, "a"), new QuoteCandidate(1, true, "b"), new QuoteCandidate(2, true, "c"),
                new QuoteCandidate(3, true, "d"), new QuoteCandidate(4, true, "e"), new QuoteCandidate(4, true, "f"));
        assertThat(five.quotable(theme)).isEmpty();
        assertThat(ConfidentialityPolicy.withThreshold(4).quotable(theme)).hasSize(6);
    }

    private static Map<String, Integer> parts(Object... keysAndCounts) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCounts.length; i += 2) {
            parts.put((String) keysAndCounts[i], (Integer) keysAndCounts[i + 1]);
        }
        return parts;
    }

    @Test
    void staffAndTheViewerNeverCountTowardsAFigure() {
        // A coach and a colleague (both staff) check in with a third person: only the third may count, so the
        // figure is over one person and hidden, never "3 people" from which the third's answer follows.
        Set<Long> counted = ConfidentialityPolicy.contributors(ids(1, 2, 3), ids(1, 2), 1);
        assertThat(counted).containsExactly(3L);
        assertThat(ConfidentialityPolicy.withThreshold(3).cell("wellbeing", counted).shown()).isFalse();
        assertThat(ConfidentialityPolicy.contributors(ids(1, 2, 3, 4), ids(9), 4)).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aFigureFromPeopleWhoDifferByAHandfulFromOneReleasedBeforeIsNotReleased() {
        Map<Long, String> six = new java.util.HashMap<>();
        for (long p = 1; p <= 6; p++) {
            six.put(p, "a" + p);
        }
        Map<Long, String> oneMore = new java.util.HashMap<>(six);
        oneMore.put(7L, "a7");
        Map<Long, String> oneCheckedInAgain = new java.util.HashMap<>(six);
        oneCheckedInAgain.put(2L, "b2");
        Map<Long, String> fiveNew = new java.util.HashMap<>(six);
        for (long p = 7; p <= 11; p++) {
            fiveNew.put(p, "a" + p);
        }
        assertThat(five.mayRelease(six, List.of())).isTrue();
        assertThat(five.mayRelease(six, List.of(six))).as("same people, same figure").isTrue();
        assertThat(five.mayRelease(oneMore, List.of(six))).isFalse();
        assertThat(five.mayRelease(oneCheckedInAgain, List.of(six))).isFalse();
        assertThat(ConfidentialityPolicy.peopleChanged(oneCheckedInAgain, six)).isEqualTo(1);
        assertThat(five.mayRelease(fiveNew, List.of(six))).isTrue();
        assertThat(five.mayRelease(fiveNew, List.of(six, oneMore))).as("four apart from the other").isFalse();
    }

    private static Set<Long> ids(long... ids) {
        return java.util.Arrays.stream(ids).boxed().collect(java.util.stream.Collectors.toSet());
    }
}
