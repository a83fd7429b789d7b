package com.waymark.ops;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Whether people are waiting on this instance right now: the turns in flight, and how long since the last one
 * ended. Work nobody waits for (embedding reflections for the coaches' themes) yields to it, so a burst of
 * check-ins after a scheduled prompt is answered at the speed of the turns alone, and the deferred work catches up
 * in the gaps and after the burst.
 * <p>
 * Per instance, deliberately: it is about this machine's CPU, not the cluster's state, and nothing a person sees
 * depends on it.
 */
@EnableConfigurationProperties(BackgroundSettings.class)
@Component
public class Foreground {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastEnded = new AtomicLong(System.nanoTime());
    private final long quietNanos;

    @Autowired
    public Foreground(BackgroundSettings settings) {
        this(settings.quietMillis());
    }

    public Foreground(long quietMillis) {
        this.quietNanos = Duration.ofMillis(Math.max(0, quietMillis)).toNanos();
    }

    /** A turn began: someone is waiting for an answer. */
    public void turnStarted() {
        inFlight.incrementAndGet();
    }

    /** That turn has been answered (or refused); always paired with {@link #turnStarted()}. */
    public void turnEnded() {
        inFlight.decrementAndGet();
        lastEnded.set(System.nanoTime());
    }

    /** No turn in flight, and none ended within the quiet period: a background task may take the CPU now. */
    public boolean isQuiet() {
        return inFlight.get() <= 0 && System.nanoTime() - lastEnded.get() >= quietNanos;
    }

    /**
     * Waits, checking every quiet period, until {@link #isQuiet() quiet} or {@code atMost} has passed.
     * Returns whether it is quiet.
     */
    public boolean awaitQuiet(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long pauseNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), quietNanos);
        while (!isQuiet()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(pauseNanos, left));
        }
        return true;
    }
}
