package com.waymark.teams;

import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** In a started application the first turn's preparation has finished: the start waited for it. */
class FirstTurnPreparedTest extends WaymarkIntegrationTest {

    @Autowired
    FirstTurnPreparation preparation;

    @Test
    void theStartedApplicationHasPreparedTheFirstTurn() {
        assertThat(preparation.done()).isTrue();
    }
}
