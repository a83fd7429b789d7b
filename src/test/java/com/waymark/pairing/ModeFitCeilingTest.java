package com.waymark.pairing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModeFitCeilingTest {

    @Test
    void modeFitCeilingCountsFreshFittingPairsPerStage() {
        // Roles in fives of four, organisations of five: same-role stage 4 rounds x 10 groups, but only 30
        // same-role pairs exist; the other two stages can fit all 40 groups each.
        List<Candidate> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(new Candidate(i + 1, "role " + (i % 5), "org " + (i / 5)));
        }
        assertThat(ModeFitCeiling.maximumFittingGroups(people, PairingRules.none(), PairingMode.PROGRESSION, 12))
                .isEqualTo(110);
        assertThat(ModeFitCeiling.maximumFittingGroups(people, PairingRules.none(), PairingMode.SAME_ROLE, 2))
                .isEqualTo(20);
        // Forbidding a same-role pair removes it from the stage's fresh pairs.
        assertThat(ModeFitCeiling.maximumFittingGroups(people, PairingRules.none().withForbidden(1, 6),
                PairingMode.SAME_ROLE, 4)).isEqualTo(29);
    }
}
