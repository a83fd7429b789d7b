package com.waymark.pairing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: seeded cohorts, whole programmes run round by round, and the invariants every round keeps. */
final class Programmes {

    private Programmes() {
    }

    /** People with ids 1..n, roles and organisations drawn at random (so group sizes are uneven). */
    static List<Candidate> cohort(int n, int orgs, int roles, long seed) {
        Random random = new Random(seed);
        List<Candidate> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(new Candidate(i + 1, "role " + random.nextInt(roles), "org " + random.nextInt(orgs)));
        }
        return people;
    }

    /** The rounds of a programme, each fed into the history before the next, and the history at the end. */
    record Run(List<Round> rounds, PairingHistory history) {

        int modeMatches() {
            return rounds.stream().mapToInt(Round::groupsMatchingMode).sum();
        }

        int groups() {
            return rounds.stream().mapToInt(r -> r.groups().size()).sum();
        }
    }

    static Run run(List<Candidate> people, PairingMode mode, int rounds, long seed, PairingRules rules) {
        PairingEngine engine = new PairingEngine();
        PairingHistory history = PairingHistory.empty();
        List<Round> done = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Round round = engine.pair(new PairingRequest(people, mode, r, rounds, seed), rules, history);
            assertPlacesEveryoneOnce(round, people);
            assertKeepsRules(round, rules);
            done.add(round);
            history = history.withRound(round);
        }
        return new Run(done, history);
    }

    static void assertPlacesEveryoneOnce(Round round, List<Candidate> people) {
        List<Long> seen = new ArrayList<>();
        round.groups().forEach(g -> seen.addAll(g.memberIds()));
        round.unmatched().forEach(u -> seen.add(u.id()));
        assertThat(seen).as("everyone in a group or reported unmatched, once")
                .containsExactlyInAnyOrderElementsOf(people.stream().map(Candidate::id).toList());
    }

    static void assertKeepsRules(Round round, PairingRules rules) {
        for (Group group : round.groups()) {
            for (PairKey pair : group.pairs()) {
                assertThat(rules.allows(pair.low(), pair.high())).as("pair %s in round %d", pair, round.roundIndex())
                        .isTrue();
            }
        }
    }

    static Set<PairKey> pairsOf(Round round) {
        Set<PairKey> pairs = new HashSet<>();
        round.groups().forEach(g -> pairs.addAll(g.pairs()));
        return pairs;
    }
}
