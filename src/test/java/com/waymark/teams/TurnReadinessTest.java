package com.waymark.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Readiness waits for the first turn's preparation, and only for as long as it takes, failed or not. */
class TurnReadinessTest {

    @Test
    void downWhilePreparingAndUpOnceDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TurnReadiness readiness = new TurnReadiness(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(readiness.health().getDetails()).containsEntry("turn", "preparing");

        release.countDown();
        assertThat(becomesUp(readiness)).isTrue();
    }

    @Test
    void aFailedPreparationDoesNotHoldReadinessBack() throws Exception {
        TurnReadiness readiness = new TurnReadiness(() -> {
            throw new IllegalStateException("no TLS here");
        });
        assertThat(becomesUp(readiness)).isTrue();
    }

    @Test
    void theAdapterPreparesItsClientWithoutAConversationOrANetwork() {
        BotSettings settings = new BotSettings(null, null, null, null, 0, 0, null, null, null, null);
        var adapter = new BotFrameworkConfiguration(settings).botFrameworkAdapter(
                new BotMetrics(new SimpleMeterRegistry()), new InboundRateLimiter(settings, Clock.systemUTC()));
        assertThatCode(adapter::prepareConnectorClient).doesNotThrowAnyException();
    }

    @Test
    void theSampleIsReadAsTheControllerReadsATurnAndAnsweredWithACard() {
        assertThat(TurnReadiness.prepareSerialisers()).contains("\"activities\"", AdaptiveCard.CONTENT_TYPE,
                "Prepared", "a:prepare");
    }

    private static boolean becomesUp(TurnReadiness readiness) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (readiness.health().getStatus().equals(Status.UP)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
