package com.waymark.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.waymark.checkin.CheckInSubmission;
import com.waymark.checkin.CheckInRecorded;
import com.waymark.ops.Foreground;
import com.waymark.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * When embedding falls behind the check-ins, the meters say how far: how many reflections wait, how long the oldest has
 * waited, and how many overflowed the queue (left to the backfill). A check-in without a reflection queues nothing.
 */
class EmbeddingBacklogTest {

    @Test
    void theBacklogAndItsAgeShowHowFarBehindEmbeddingIs() throws Exception {
        Instant start = Instant.parse("2026-11-25T09:00:00Z");
        MutableClock clock = new MutableClock(start);
        ReflectionEmbeddings embeddings = mock(ReflectionEmbeddings.class);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        when(embeddings.embedAndStore(any(), any())).thenAnswer(call -> {
            busy.countDown();
            release.await(10, TimeUnit.SECONDS);
            return Map.of();
        });
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        InsightSettings settings = new InsightSettings(0.5, 28, "classpath:insight/questions.json",
                new InsightSettings.Embeddings(2, 5, 1000, 0), null);
        EmbedOnCheckIn queue = new EmbedOnCheckIn(embeddings, new Foreground(0), meters, settings, clock);
        try {
            assertThat(meters.get("waymark.embeddings.backlog.age").gauge().value()).isZero();

            queue.recorded(saved(1, start, true));
            assertThat(busy.await(10, TimeUnit.SECONDS)).as("the first is being embedded").isTrue();
            queue.recorded(saved(2, start.plusSeconds(10), true));
            queue.recorded(saved(3, start.plusSeconds(20), true));
            queue.recorded(saved(4, start.plusSeconds(30), true));
            queue.recorded(saved(5, start.plusSeconds(40), false));
            clock.advance(Duration.ofSeconds(70));

            assertThat(meters.get("waymark.embeddings.pending").gauge().value()).isEqualTo(2);
            assertThat(meters.get("waymark.embeddings.backlog.age").gauge().value()).as("since check-in 2")
                    .isEqualTo(60.0);
            assertThat(meters.get("waymark.embeddings.dropped").counter().count()).as("check-in 4 overflowed")
                    .isEqualTo(1);
        } finally {
            release.countDown();
            queue.destroy();
        }
    }

    private static CheckInRecorded saved(long id, Instant at, boolean reflection) {
        return new CheckInRecorded(id, 7, null, at, CheckInSubmission.Source.CARD, reflection);
    }
}
