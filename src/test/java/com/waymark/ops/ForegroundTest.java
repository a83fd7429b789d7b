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
    void notQuietWhileTheLastTurnEndedWithinTheQuietPeriod() throws InterruptedException {
        // A quiet period far longer than any pause a busy machine could put between these lines (with 150 ms, a
        // collection or a descheduled thread under a full build made this test fail now and then).
        Foreground foreground = new Foreground(60_000);
        foreground.turnStarted();
        foreground.turnEnded();
        assertThat(foreground.isQuiet()).as("a turn just ended").isFalse();
        assertThat(foreground.awaitQuiet(Duration.ofMillis(20))).as("gave up before the quiet period passed").isFalse();
    }

    @Test
    void quietOnceTheQuietPeriodHasPassedSinceTheLastTurn() throws InterruptedException {
        Foreground foreground = new Foreground(150);
        foreground.turnStarted();
        long ended = System.nanoTime();
        foreground.turnEnded();

        assertThat(foreground.awaitQuiet(Duration.ofSeconds(30))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - ended)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }
}
