package com.waymark.pairing;

import org.junit.jupiter.api.Test;

import static com.waymark.pairing.Programmes.cohort;
import static org.assertj.core.api.Assertions.assertThat;

class RepeatFloorTest {

    @Test
    void noRepeatsAreForcedWhileFreshPairsLast() {
        assertThat(RepeatFloor.minimumRepeats(cohort(20, 4, 5, 1), PairingRules.none(), 12)).isZero();
        assertThat(RepeatFloor.minimumRepeats(cohort(20, 4, 5, 1), PairingRules.none(), 19)).isZero();
        assertThat(RepeatFloor.minimumRepeats(cohort(200, 10, 8, 1), PairingRules.none(), 26)).isZero();
    }

    @Test
    void pairsBeyondTheDistinctOnesAreRepeats() {
        // 20 people, 20 rounds: 200 pairs met, 190 exist.
        assertThat(RepeatFloor.minimumRepeats(cohort(20, 4, 5, 1), PairingRules.none(), 20)).isEqualTo(10);
        // 5 people: a pair and a trio make 4 pairs a round; 3 rounds make 12 of the 10 that exist.
        assertThat(RepeatFloor.minimumRepeats(cohort(5, 1, 1, 1), PairingRules.none(), 3)).isEqualTo(2);
        // 3 people are a trio every round: from the second round, all three pairs repeat.
        assertThat(RepeatFloor.minimumRepeats(cohort(3, 1, 1, 1), PairingRules.none(), 4)).isEqualTo(9);
    }

    @Test
    void someoneWithFewAllowedPartnersForcesRepeatsEarlier() {
        PairingRules rules = PairingRules.none();
        for (long other = 4; other <= 10; other++) {
            rules = rules.withForbidden(1, other);
        }
        // Person 1 may meet only 2 and 3: over 5 rounds they repeat at least 3 times, though pairs are plenty.
        assertThat(RepeatFloor.minimumRepeats(cohort(10, 2, 2, 1), rules, 5)).isEqualTo(3);
        assertThat(RepeatFloor.minimumRepeats(cohort(10, 2, 2, 1), rules, 2)).isZero();
    }

    @Test
    void peopleWhoCanMeetNobodyAreLeftOutOfTheCount() {
        PairingRules rules = PairingRules.none().withForbidden(1, 2).withForbidden(1, 3);
        assertThat(RepeatFloor.minimumRepeats(cohort(3, 1, 1, 1), rules, 3)).isEqualTo(2);
    }
}
