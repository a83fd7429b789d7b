package com.waymark.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Something waiting is told when first found, then once a day while it waits: not on every 30-second tick. */
class WaitingNoticesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void toldOnceThenDailyWhileItWaits() {
        WaitingNotices notices = new WaitingNotices(Duration.ofDays(1));
        int told = 0;
        for (Instant tick = T0; tick.isBefore(T0.plus(Duration.ofHours(49))); tick = tick.plusSeconds(30)) {
            told += notices.due(7, tick) ? 1 : 0;
        }
        assertThat(told).as("at 0 h, 24 h and 48 h of 5,880 ticks").isEqualTo(3);
        assertThat(notices.due(8, T0.plusSeconds(90))).as("each request for itself").isTrue();
    }

    @Test
    void whatNoLongerWaitsIsForgottenAndToldAfreshIfItWaitsAgain() {
        WaitingNotices notices = new WaitingNotices(Duration.ofDays(1));
        assertThat(notices.due(1, T0)).isTrue();
        assertThat(notices.due(2, T0)).isTrue();
        assertThat(notices.done(1)).as("it had been told as waiting").isTrue();
        assertThat(notices.done(1)).isFalse();
        assertThat(notices.done(3)).as("never told: nothing to follow up").isFalse();

        notices.retainOnly(List.of()); // 2 was erased with its person
        assertThat(notices.due(2, T0.plusSeconds(30))).isTrue();
    }
}
