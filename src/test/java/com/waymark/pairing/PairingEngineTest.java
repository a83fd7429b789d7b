package com.waymark.pairing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static com.waymark.pairing.Programmes.assertKeepsRules;
import static com.waymark.pairing.Programmes.assertPlacesEveryoneOnce;
import static com.waymark.pairing.Programmes.cohort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairingEngineTest {

    private final PairingEngine engine = new PairingEngine();

    private Round pairOnce(List<Candidate> people, PairingMode mode, PairingRules rules, long seed) {
        return engine.pair(new PairingRequest(people, mode, 0, 6, seed), rules, PairingHistory.empty());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 10, 20, 64})
    void evenNumbersAreAllPairs(int n) {
        List<Candidate> people = cohort(n, 3, 4, n);
        Round round = pairOnce(people, PairingMode.PROGRESSION, PairingRules.none(), 1);
        assertPlacesEveryoneOnce(round, people);
        assertThat(round.groups()).hasSize(n / 2).allMatch(g -> !g.isTrio());
        assertThat(round.unmatched()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 11, 21, 65})
    void oddNumbersHaveExactlyOneTrio(int n) {
        List<Candidate> people = cohort(n, 3, 4, n);
        Round round = pairOnce(people, PairingMode.CROSS_ROLE, PairingRules.none(), 1);
        assertPlacesEveryoneOnce(round, people);
        assertThat(round.groups()).hasSize(n / 2);
        assertThat(round.groups().stream().filter(Group::isTrio)).hasSize(1);
        assertThat(round.unmatched()).isEmpty();
    }

    @Test
    void twoPeopleMeetAndThreeMeetTogether() {
        List<Candidate> two = cohort(2, 1, 1, 1);
        assertThat(pairOnce(two, PairingMode.SAME_ROLE, PairingRules.none(), 1).groups())
                .containsExactly(new Group(List.of(1L, 2L), true, 0));
        List<Candidate> three = List.of(new Candidate(1, "chair", "A"), new Candidate(2, "chair", "B"),
                new Candidate(3, "chair", "C"));
        assertThat(pairOnce(three, PairingMode.CROSS_ORGANISATION, PairingRules.none(), 1).groups())
                .containsExactly(new Group(List.of(1L, 2L, 3L), true, 0));
    }

    @Test
    void onePersonIsReportedAloneAndNobodyGivesAnEmptyRound() {
        Round alone = pairOnce(cohort(1, 1, 1, 1), PairingMode.SAME_ROLE, PairingRules.none(), 1);
        assertThat(alone.groups()).isEmpty();
        assertThat(alone.unmatched()).containsExactly(new Unmatched(1, Unmatched.Reason.ALONE));
        Round empty = pairOnce(List.of(), PairingMode.SAME_ROLE, PairingRules.none(), 1);
        assertThat(empty.groups()).isEmpty();
        assertThat(empty.unmatched()).isEmpty();
    }

    @Test
    void onlyThoseActiveArePairedAndTheCallerChoosesWhoIsActive() {
        // Paused, on leave or opted out: the caller simply leaves them out of the request.
        List<Candidate> everyone = cohort(9, 2, 3, 3);
        List<Candidate> active = everyone.stream().filter(c -> c.id() != 4 && c.id() != 7).toList();
        Round round = pairOnce(active, PairingMode.CROSS_ROLE, PairingRules.none(), 1);
        assertPlacesEveryoneOnce(round, active);
        assertThat(round.groupOf(4)).isEmpty();
        assertThat(round.groupOf(7)).isEmpty();
    }

    @Test
    void aLineManagerAndTheirReportNeverMeetEvenWhenEverythingElsePullsThemTogether() {
        // Two chairs in different organisations: the only same-role pair, and the coach recorded line management.
        List<Candidate> people = List.of(new Candidate(1, "chair", "A"), new Candidate(2, "chair", "B"),
                new Candidate(3, "finance director", "A"), new Candidate(4, "medical director", "B"));
        PairingRules rules = PairingRules.none().withLineManagement(2, 1);
        for (long seed = 0; seed < 20; seed++) {
            Round round = pairOnce(people, PairingMode.SAME_ROLE, rules, seed);
            assertThat(round.groupOf(1).orElseThrow().contains(2)).isFalse();
        }
    }

    @Test
    void someoneBlockedFromEveryoneIsReportedNotDropped() {
        List<Candidate> people = cohort(5, 2, 2, 1);
        PairingRules rules = PairingRules.none();
        for (long other = 2; other <= 5; other++) {
            rules = rules.withForbidden(1, other);
        }
        Round round = pairOnce(people, PairingMode.CROSS_ROLE, rules, 1);
        assertPlacesEveryoneOnce(round, people);
        assertThat(round.unmatched()).containsExactly(new Unmatched(1, Unmatched.Reason.NO_ALLOWED_PARTNER));
        assertThat(round.groups()).hasSize(2).noneMatch(Group::isTrio);
    }

    @Test
    void whenNoGroupCanTakeSomeoneTheyAreReportedWithTheReason() {
        // Three people, two of whom must not meet: one pair, and the third cannot join it.
        List<Candidate> people = cohort(3, 1, 1, 1);
        Round round = pairOnce(people, PairingMode.SAME_ROLE, PairingRules.none().withForbidden(1, 2), 1);
        assertPlacesEveryoneOnce(round, people);
        assertThat(round.groups()).hasSize(1);
        assertThat(round.unmatched()).hasSize(1);
        assertThat(round.unmatched().get(0).reason()).isEqualTo(Unmatched.Reason.NO_ALLOWED_GROUP);
        assertThat(round.unmatched().get(0).id()).isIn(1L, 2L);
    }

    @Test
    void rulesThatRuleOutAPerfectPairingStillPlaceEveryoneTheyCan() {
        // 1 and 3 may each meet only 2 (and not each other): one of them is left out, said out loud.
        List<Candidate> people = cohort(6, 2, 2, 4);
        PairingRules rules = PairingRules.none().withForbidden(1, 3);
        for (long other : new long[] {4, 5, 6}) {
            rules = rules.withForbidden(1, other).withForbidden(3, other);
        }
        Round round = pairOnce(people, PairingMode.CROSS_ROLE, rules, 1);
        assertPlacesEveryoneOnce(round, people);
        assertKeepsRules(round, rules);
        assertThat(round.unmatched()).hasSize(1);
        Unmatched out = round.unmatched().get(0);
        assertThat(out.id()).isIn(1L, 3L);
        assertThat(out.reason()).isEqualTo(Unmatched.Reason.NO_ALLOWED_GROUP);
        long partnerOfTwo = out.id() == 1 ? 3 : 1;
        assertThat(round.groupOf(2).orElseThrow().memberIds()).containsExactlyInAnyOrder(2L, partnerOfTwo);
        assertThat(round.groupOf(4).orElseThrow().memberIds()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void rulesAreNeverBrokenAndEveryoneIsAccountedForAcrossManySeeds() {
        Random random = new Random(2024);
        for (int trial = 0; trial < 150; trial++) {
            int n = 1 + random.nextInt(24);
            List<Candidate> people = cohort(n, 1 + random.nextInt(4), 1 + random.nextInt(5), trial);
            PairingRules rules = PairingRules.none();
            double density = random.nextDouble() * 0.5;
            for (int a = 1; a <= n; a++) {
                for (int b = a + 1; b <= n; b++) {
                    if (random.nextDouble() < density / 2) {
                        rules = rules.withLineManagement(a, b);
                    } else if (random.nextDouble() < density / 2) {
                        rules = rules.withForbidden(a, b);
                    }
                }
            }
            int rounds = 1 + random.nextInt(6);
            PairingRules coachRules = rules;
            Programmes.Run run = Programmes.run(people, PairingMode.values()[trial % 4], rounds, trial, rules);
            for (Round round : run.rounds()) {
                for (Unmatched u : round.unmatched()) {
                    boolean hasPartner = people.stream().anyMatch(c -> coachRules.allows(u.id(), c.id()));
                    assertThat(u.reason() == Unmatched.Reason.NO_ALLOWED_PARTNER).isEqualTo(!hasPartner && n > 1);
                }
                // Trios absorb the odd one out, and under rules anyone no pair could take.
                long trios = round.groups().stream().filter(Group::isTrio).count();
                assertThat(trios % 2).isEqualTo((n - round.unmatched().size()) % 2);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRoundWhateverOrderPeopleArriveIn() {
        List<Candidate> people = cohort(31, 4, 5, 9);
        List<Candidate> shuffled = new ArrayList<>(people);
        Collections.shuffle(shuffled, new Random(1));
        PairingHistory history = Programmes.run(people, PairingMode.PROGRESSION, 12, 5, PairingRules.none()).history();
        PairingRequest request = new PairingRequest(people, PairingMode.PROGRESSION, 4, 12, 77);
        Round first = engine.pair(request, PairingRules.none(), history);
        Round again = new PairingEngine().pair(request, PairingRules.none(), history);
        Round reordered = engine.pair(new PairingRequest(shuffled, PairingMode.PROGRESSION, 4, 12, 77),
                PairingRules.none(), history);
        assertThat(again).isEqualTo(first);
        assertThat(reordered).isEqualTo(first);
    }

    @Test
    void differentSeedsUsuallyGiveDifferentRounds() {
        List<Candidate> people = cohort(30, 3, 4, 2);
        List<Round> rounds = new ArrayList<>();
        for (long seed = 0; seed < 10; seed++) {
            rounds.add(pairOnce(people, PairingMode.CROSS_ORGANISATION, PairingRules.none(), seed));
        }
        assertThat(rounds.stream().map(Programmes::pairsOf).distinct().count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void pastMeetingsAreAvoidedAndReported() {
        List<Candidate> people = cohort(4, 1, 1, 1);
        PairingHistory history = new PairingHistory(Map.of(PairKey.of(1, 2), new PairingHistory.Meeting(1, 0),
                PairKey.of(3, 4), new PairingHistory.Meeting(1, 0), PairKey.of(1, 3), new PairingHistory.Meeting(1, 1),
                PairKey.of(2, 4), new PairingHistory.Meeting(1, 1)));
        Round round = engine.pair(new PairingRequest(people, PairingMode.SAME_ROLE, 2, 3, 1), PairingRules.none(), history);
        assertThat(Programmes.pairsOf(round)).containsExactlyInAnyOrder(PairKey.of(1, 4), PairKey.of(2, 3));
        assertThat(round.repeatPairs()).isZero();
    }

    @Test
    void whenARepeatIsForcedItIsThePairWhoMetLeastAndLongestAgo() {
        List<Candidate> people = cohort(4, 1, 1, 1);
        // Everyone has met everyone; 1-2 and 3-4 met in round 0, the others more recently or more often.
        PairingHistory history = new PairingHistory(Map.of(PairKey.of(1, 2), new PairingHistory.Meeting(1, 0),
                PairKey.of(3, 4), new PairingHistory.Meeting(1, 0), PairKey.of(1, 3), new PairingHistory.Meeting(1, 4),
                PairKey.of(2, 4), new PairingHistory.Meeting(1, 4), PairKey.of(1, 4), new PairingHistory.Meeting(2, 3),
                PairKey.of(2, 3), new PairingHistory.Meeting(2, 3)));
        Round round = engine.pair(new PairingRequest(people, PairingMode.SAME_ROLE, 5, 6, 1), PairingRules.none(), history);
        assertThat(Programmes.pairsOf(round)).containsExactlyInAnyOrder(PairKey.of(1, 2), PairKey.of(3, 4));
        assertThat(round.repeatPairs()).isEqualTo(2);
    }

    @Test
    void requestsAreValidated() {
        List<Candidate> twice = List.of(new Candidate(1, "a", "b"), new Candidate(1, "c", "d"));
        assertThatThrownBy(() -> new PairingRequest(twice, PairingMode.SAME_ROLE, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new PairingRequest(List.of(), PairingMode.SAME_ROLE, 3, 3, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairingRequest(List.of(), null, 0, 3, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairKey.of(3, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
