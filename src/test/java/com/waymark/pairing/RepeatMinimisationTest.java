package com.waymark.pairing;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static com.waymark.pairing.Programmes.cohort;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole programmes: repeats against the floor no schedule can beat, and how well rounds fit their mode. */
class RepeatMinimisationTest {

    /**
     * n - 1 rounds of an even cohort can be repeat-free (a round-robin), whatever the mode asks for. Greedy
     * round-by-round pairing tends to strand the last rounds; the engine's look-ahead must not.
     */
    @ParameterizedTest
    @EnumSource(PairingMode.class)
    void everyoneMeetsEveryoneOnceOverAFullRoundRobin(PairingMode mode) {
        for (int n : new int[] {4, 6, 10, 14, 20}) {
            for (long seed = 1; seed <= 3; seed++) {
                List<Candidate> people = cohort(n, 3, 4, seed * 100 + n);
                Programmes.Run run = Programmes.run(people, mode, n - 1, seed, PairingRules.none());
                assertThat(run.history().repeats()).as("n=%d seed=%d", n, seed).isZero();
                assertThat(run.history().distinctPairs()).isEqualTo(n * (n - 1) / 2);
            }
        }
    }

    /** Past the round-robin (and for odd cohorts, with their trio) repeats are forced: exactly the floor. */
    @ParameterizedTest
    @CsvSource({"8, 12", "10, 25", "5, 6", "7, 9", "9, 12", "11, 20", "13, 13"})
    void repeatsStayAtTheFloorOverLongProgrammes(int n, int rounds) {
        for (PairingMode mode : PairingMode.values()) {
            for (long seed = 1; seed <= 2; seed++) {
                List<Candidate> people = cohort(n, 3, 3, seed + n);
                Programmes.Run run = Programmes.run(people, mode, rounds, seed, PairingRules.none());
                long floor = RepeatFloor.minimumRepeats(people, PairingRules.none(), rounds);
                assertThat(run.history().repeats()).as("%s n=%d seed=%d", mode, n, seed).isEqualTo(floor);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"9, 0", "11, 6"})
    void repeatsStayAtTheFloorWithRulesInPlay(int rounds, long floor) {
        List<Candidate> people = cohort(12, 3, 4, 5);
        PairingRules rules = PairingRules.none().withLineManagement(1, 2).withLineManagement(1, 3)
                .withLineManagement(4, 5).withForbidden(6, 7).withForbidden(8, 9).withForbidden(8, 10);
        // 66 pairs less 6 blocked leave 60: 9 rounds of 6 pairs fit, 11 need 6 repeats (1 and 8 two each).
        assertThat(RepeatFloor.minimumRepeats(people, rules, rounds)).isEqualTo(floor);
        for (long seed = 1; seed <= 3; seed++) {
            Programmes.Run run = Programmes.run(people, PairingMode.PROGRESSION, rounds, seed, rules);
            assertThat(run.history().repeats()).as("seed %d", seed).isEqualTo(floor);
        }
    }

    /** A history that arrives from elsewhere (people who joined late, say) is simply taken as it is. */
    @Test
    void lateJoinersMeetNewPeopleAndOthersKeepAvoidingTheirPastPartners() {
        List<Candidate> people = cohort(10, 2, 3, 8);
        PairingHistory history = Programmes.run(people.subList(0, 8), PairingMode.CROSS_ROLE, 3, 3,
                PairingRules.none()).history();
        PairingEngine engine = new PairingEngine();
        for (int r = 3; r < 8; r++) {
            Round round = engine.pair(new PairingRequest(people, PairingMode.CROSS_ROLE, r, 8, 3), PairingRules.none(),
                    history);
            assertThat(round.repeatPairs()).as("round %d", r).isZero();
            history = history.withRound(round);
        }
    }

    /**
     * Same-role rounds in a cohort whose roles come in groups of four: three rounds can be fully same-role
     * without repeats (each foursome's round-robin), and the fourth cannot be, as no same-role pair is left.
     */
    @Test
    void sameRoleRoundsFitTheirModeAsLongAsFreshSameRolePairsRemain() {
        List<Candidate> people = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(new Candidate(i + 1, "role " + (i % 5), "org " + (i % 4)));
        }
        Programmes.Run run = Programmes.run(people, PairingMode.SAME_ROLE, 4, 1, PairingRules.none());
        assertThat(run.rounds().stream().map(Round::groupsMatchingMode).toList()).containsExactly(10, 10, 10, 0);
        assertThat(run.history().repeats()).isZero();
    }

    @Test
    void crossOrganisationAndCrossRoleRoundsFitTheirModeWhenTheCohortAllowsIt() {
        for (long seed = 1; seed <= 3; seed++) {
            List<Candidate> people = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                people.add(new Candidate(i + 1, "role " + (i % 6), "org " + (i / 6)));
            }
            Programmes.Run crossOrg = Programmes.run(people, PairingMode.CROSS_ORGANISATION, 12, seed, PairingRules.none());
            assertThat(crossOrg.modeMatches()).isEqualTo(crossOrg.groups());
            Programmes.Run crossRole = Programmes.run(people, PairingMode.CROSS_ROLE, 5, seed, PairingRules.none());
            assertThat(crossRole.modeMatches()).isEqualTo(crossRole.groups());
            // Organisations of six, one of each role: five rounds can stay within the organisation too.
            for (Round round : crossRole.rounds()) {
                for (Group group : round.groups()) {
                    assertThat((group.memberIds().get(0) - 1) / 6).isEqualTo((group.memberIds().get(1) - 1) / 6);
                }
            }
        }
    }

    @Test
    void progressionReachesTheBestModeFitThatARepeatFreeScheduleAllows() {
        // Roles in fives of four people, organisations of five: same-role rounds can fit at most 30 of 40
        // groups (the 30 same-role pairs), the other stages all 80.
        List<Candidate> people = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(new Candidate(i + 1, "role " + (i % 5), "org " + (i / 5)));
        }
        for (long seed = 1; seed <= 3; seed++) {
            Programmes.Run run = Programmes.run(people, PairingMode.PROGRESSION, 12, seed, PairingRules.none());
            assertThat(run.history().repeats()).isZero();
            assertThat(run.modeMatches()).isEqualTo(110);
        }
    }
}
