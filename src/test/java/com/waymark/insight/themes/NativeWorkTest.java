package com.waymark.insight.themes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeWorkTest {

    @Test
    void shutdownWaitsForANativeCallInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Thread loader = new Thread(() -> NativeWork.run(() -> {
            started.countDown();
            sleep(400);
            finished.set(true);
            return null;
        }));
        loader.start();
        started.await();

        NativeWork.awaitQuiet();

        assertThat(finished).as("the hook returned only once the call had ended").isTrue();
        loader.join();
    }

    @Test
    void withNothingInFlightShutdownDoesNotWait() {
        long start = System.nanoTime();
        NativeWork.awaitQuiet();
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
