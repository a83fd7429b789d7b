package com.waymark.teams;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The start waits for the first turn's preparation and goes on whatever its outcome; that it is done in a started
 * application is {@link FirstTurnPreparedTest}'s.
 */
class FirstTurnPreparationTest {

    @Test
    void theStartWaitsForThePreparationOnceEveryBeanIsMade() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        FirstTurnPreparation preparation = new FirstTurnPreparation(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
                finished.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(preparation.done()).isFalse();

        Thread starter = new Thread(preparation::afterSingletonsInstantiated);
        starter.start();
        starter.join(200);
        assertThat(starter.isAlive()).as("the start waits while preparing").isTrue();

        release.countDown();
        starter.join(10_000);
        assertThat(starter.isAlive()).isFalse();
        assertThat(finished).isTrue();
        assertThat(preparation.done()).isTrue();
    }

    @Test
    void aFailedPreparationDoesNotHoldTheStartBack() {
        FirstTurnPreparation preparation = new FirstTurnPreparation(() -> {
            throw new IllegalStateException("no TLS here");
        });
        assertThatCode(preparation::afterSingletonsInstantiated).doesNotThrowAnyException();
        assertThat(preparation.done()).isTrue();
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
        assertThat(FirstTurnPreparation.prepareSerialisers()).contains("\"activities\"", AdaptiveCard.CONTENT_TYPE,
                "Prepared", "a:prepare");
    }
}
