package com.waymark.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ForegroundTest {

    @Test
    void aTurnInFlightIsNeverQuiet() throws InterruptedException {
        Foreground foreground = new Foreground(0);
        assertThat(foreground.isQuiet()).isTrue();

        foreground.turnStarted();
        foreground.turnStarted();
        assertThat(foreground.isQuiet()).isFalse();
        foreground.turnEnded();
        assertThat(foreground.isQuiet()).as("one of two turns still running").isFalse();
        foreground.turnEnded();
        assertThat(foreground.awaitQuiet(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void quietOnlyOnceNoTurnEndedForTheQuietPeriod() throws InterruptedException {
        Foreground foreground = new Foreground(150);
        foreground.turnStarted();
        foreground.turnEnded();
        assertThat(foreground.isQuiet()).as("a turn just ended").isFalse();
        assertThat(foreground.awaitQuiet(Duration.ofMillis(20))).as("gave up before the quiet period passed").isFalse();

        long start = System.nanoTime();
        assertThat(foreground.awaitQuiet(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
