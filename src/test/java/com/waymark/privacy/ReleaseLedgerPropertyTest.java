package com.waymark.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 2 of the confidentiality policy as a property: whatever people check in, whoever is erased, and whatever
 * windows of whatever measures are read in whatever order, no two figures released for the same measure over
 * overlapping periods come from contributor sets that differ by 1 to threshold−1 people. The ledger is carried
 * from read to read as the database carries it ({@link Releases#entries}), erasure turns a person into a
 * tombstone as {@code ReleaseLedgerData} does.
 */
class ReleaseLedgerPropertyTest {

    private static final Instant DAY0 = Instant.parse("2026-11-02T00:00:00Z");

    /** Something that happens: a check-in, a read of one measure over a window of days, or an erasure. */
    record Step(int kind, int person, int day, int measure, int length) {
    }

    @Property
    void noTwoReleasesOfAMeasureOverOverlappingPeriodsDifferByAHandfulOfPeople(
            @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 3, max = 6) int threshold) {
        ConfidentialityPolicy policy = ConfidentialityPolicy.withThreshold(threshold);
        Map<Long, List<Integer>> checkIns = new HashMap<>();
        List<Releases.Entry> ledger = new ArrayList<>();
        long tombstones = 0;
        int heldBack = 0;
        int record = 0;
        for (Step step : steps) {
            long person = step.person();
            switch (step.kind()) {
                case 0 -> checkIns.computeIfAbsent(person, p -> new ArrayList<>()).add(step.day() * 1000 + record++);
                case 1 -> {
                    Instant from = DAY0.plus(step.day(), ChronoUnit.DAYS);
                    Instant to = from.plus(step.length(), ChronoUnit.DAYS);
                    Map<Long, String> contributors = contributors(checkIns, step.measure(), step.day(),
                            step.day() + step.length());
                    Releases read = new Releases(policy, ledger, from);
                    // Below the threshold a figure is hidden whatever the ledger says, as in the reports.
                    if (contributors.size() >= policy.threshold()) {
                        read.release("measure " + step.measure(), from, to, contributors, "v");
                    }
                    ledger.addAll(read.fresh());
                    heldBack += read.heldBack();
                }
                default -> {
                    checkIns.remove(person);
                    long tombstone = -1 - tombstones++;
                    ledger.replaceAll(e -> e.contributors().containsKey(person) ? tombstoned(e, person, tombstone) : e);
                }
            }
        }
        // Not vacuous: many sequences release several figures, and many hold one back.
        Statistics.label("several releases").collect(ledger.size() >= 3);
        Statistics.label("several releases").coverage(c -> c.check(true).percentage(p -> p >= 15));
        Statistics.label("held back").collect(heldBack > 0);
        Statistics.label("held back").coverage(c -> c.check(true).percentage(p -> p >= 15));
        for (int i = 0; i < ledger.size(); i++) {
            for (int j = i + 1; j < ledger.size(); j++) {
                Releases.Entry a = ledger.get(i);
                Releases.Entry b = ledger.get(j);
                if (a.overlaps(b.measure(), b.from(), b.to())) {
                    int changed = ConfidentialityPolicy.peopleChanged(a.contributors(), b.contributors());
                    assertThat(changed == 0 || changed >= threshold)
                            .as("%s and %s differ by %d people", a, b, changed).isTrue();
                }
            }
        }
    }

    @Test
    void onePersonCheckingInAgainIsAChangedPerson() {
        ConfidentialityPolicy five = ConfidentialityPolicy.withThreshold(5);
        Map<Long, String> before = new HashMap<>();
        for (long p = 1; p <= 6; p++) {
            before.put(p, Releases.fingerprint(List.of("check-in " + p)));
        }
        Map<Long, String> after = new HashMap<>(before);
        after.put(3L, Releases.fingerprint(List.of("check-in 3", "check-in 99")));
        Releases read = Releases.empty(five, DAY0);
        assertThat(read.release("wellbeing|programme", DAY0, DAY0.plusSeconds(86400), before, "4.0")).isTrue();
        assertThat(read.release("wellbeing|programme", DAY0, DAY0.plusSeconds(86400), after, "3.9")).isFalse();
        assertThat(read.release("wellbeing|programme", DAY0, DAY0.plusSeconds(86400), before, "4.0"))
                .as("the same people again give the same figure").isTrue();
        assertThat(read.release("wellbeing|group 7", DAY0, DAY0.plusSeconds(86400), after, "3.9"))
                .as("another measure is another ledger line").isTrue();
        assertThat(read.heldBack()).isEqualTo(1);
        assertThat(read.fresh()).hasSize(2);
    }

    /** Measure 0 is everyone, measure 1 and 2 are two halves (as groups are), over [fromDay, toDay). */
    private static Map<Long, String> contributors(Map<Long, List<Integer>> checkIns, int measure, int fromDay,
                                                  int toDay) {
        Map<Long, String> out = new HashMap<>();
        checkIns.forEach((person, records) -> {
            if (measure != 0 && person % 2 != measure - 1) {
                return;
            }
            List<String> inWindow = records.stream().filter(r -> r / 1000 >= fromDay && r / 1000 < toDay)
                    .map(String::valueOf).collect(Collectors.toList());
            if (!inWindow.isEmpty()) {
                out.put(person, Releases.fingerprint(inWindow));
            }
        });
        return out;
    }

    private static Releases.Entry tombstoned(Releases.Entry entry, long person, long tombstone) {
        Map<Long, String> contributors = new HashMap<>(entry.contributors());
        String fingerprint = contributors.remove(person);
        contributors.put(tombstone, Releases.fingerprint(List.of("forgotten salt " + tombstone, fingerprint)));
        return new Releases.Entry(entry.measure(), entry.from(), entry.to(), contributors, entry.value(),
                entry.releasedAt());
    }

    /** Twelve people over ten days, reads of 1 to 10 days: dense enough that most reads are over the threshold. */
    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> checkIn = Arbitraries.integers().between(1, 12).flatMap(person -> Arbitraries.integers()
                .between(0, 9).map(day -> new Step(0, person, day, 0, 0)));
        Arbitrary<Step> read = Arbitraries.integers().between(0, 9).flatMap(day -> Arbitraries.integers()
                .between(0, 2).flatMap(measure -> Arbitraries.integers().between(1, 10)
                        .map(length -> new Step(1, 0, day, measure, length))));
        Arbitrary<Step> erase = Arbitraries.integers().between(1, 12).map(person -> new Step(2, person, 0, 0, 0));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, checkIn), net.jqwik.api.Tuple.of(6, read), net.jqwik.api.Tuple.of(1, erase))
                .list().ofMinSize(30).ofMaxSize(150);
    }
}
