package com.waymark.pairing;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static com.waymark.pairing.PairingMode.CROSS_ORGANISATION;
import static com.waymark.pairing.PairingMode.CROSS_ROLE;
import static com.waymark.pairing.PairingMode.PROGRESSION;
import static com.waymark.pairing.PairingMode.SAME_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairingModeTest {

    @Test
    void progressionMovesThroughThreeStagesInThirds() {
        assertThat(IntStream.range(0, 12).mapToObj(r -> PROGRESSION.forRound(r, 12)).toList()).containsExactly(
                SAME_ROLE, SAME_ROLE, SAME_ROLE, SAME_ROLE, CROSS_ROLE, CROSS_ROLE, CROSS_ROLE, CROSS_ROLE,
                CROSS_ORGANISATION, CROSS_ORGANISATION, CROSS_ORGANISATION, CROSS_ORGANISATION);
    }

    @Test
    void unevenProgrammesGiveTheExtraRoundsToEarlierStages() {
        var stages = IntStream.range(0, 26).mapToObj(r -> PROGRESSION.forRound(r, 26)).toList();
        assertThat(stages.stream().filter(SAME_ROLE::equals).count()).isEqualTo(9);
        assertThat(stages.stream().filter(CROSS_ROLE::equals).count()).isEqualTo(9);
        assertThat(stages.stream().filter(CROSS_ORGANISATION::equals).count()).isEqualTo(8);
        assertThat(PROGRESSION.forRound(0, 1)).isEqualTo(SAME_ROLE);
        assertThat(PROGRESSION.forRound(1, 2)).isEqualTo(CROSS_ROLE);
    }

    @Test
    void fixedModesStayPutAndRoundsMustFitTheProgramme() {
        assertThat(CROSS_ROLE.forRound(7, 8)).isEqualTo(CROSS_ROLE);
        assertThatThrownBy(() -> SAME_ROLE.forRound(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SAME_ROLE.forRound(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SAME_ROLE.forRound(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modesCompareRoleAndOrganisationIgnoringCaseAndNeverClaimUnknowns() {
        var chairNorth = new Candidate(1, "Chair", "North Ridge ICB");
        var chairSouth = new Candidate(2, " chair ", "Southgate PCN");
        var financeNorth = new Candidate(3, "finance director", "north ridge icb");
        var unknown = new Candidate(4, "", null);
        assertThat(SAME_ROLE.matches(chairNorth, chairSouth)).isTrue();
        assertThat(SAME_ROLE.matches(chairNorth, financeNorth)).isFalse();
        assertThat(CROSS_ROLE.matches(chairNorth, financeNorth)).isTrue();
        assertThat(CROSS_ROLE.prefers(chairNorth, financeNorth)).isTrue();
        assertThat(CROSS_ROLE.prefers(chairSouth, financeNorth)).isFalse();
        assertThat(CROSS_ORGANISATION.matches(chairNorth, chairSouth)).isTrue();
        assertThat(CROSS_ORGANISATION.matches(chairNorth, financeNorth)).isFalse();
        for (PairingMode mode : new PairingMode[] {SAME_ROLE, CROSS_ROLE, CROSS_ORGANISATION}) {
            assertThat(mode.matches(chairNorth, unknown)).as(mode.name()).isFalse();
        }
        assertThatThrownBy(() -> PROGRESSION.matches(chairNorth, chairSouth)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parsesLabelsAndConstantNames() {
        assertThat(PairingMode.parse("cross-organisation")).isEqualTo(CROSS_ORGANISATION);
        assertThat(PairingMode.parse("SAME_ROLE")).isEqualTo(SAME_ROLE);
        assertThat(PairingMode.parse(" Progression ")).isEqualTo(PROGRESSION);
        assertThatThrownBy(() -> PairingMode.parse("random")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("random");
    }
}
