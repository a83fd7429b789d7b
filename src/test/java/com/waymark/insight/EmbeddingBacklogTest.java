package com.waymark.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
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

            release.countDown();
            // The two that waited are embedded together: one read of their texts, one write of their vectors.
            verify(embeddings, timeout(10_000)).embedAndStore(List.of(2L, 3L), ReflectionEmbeddings.Trigger.STORED);
            assertThat(meters.get("waymark.embeddings.pending").gauge().value()).isZero();
        } finally {
            release.countDown();
            queue.destroy();
        }
    }

    /**
     * A reflection that has waited longer than {@link EmbedOnCheckIn#CATCH_UP_AFTER} for idle CPU (a machine kept busy by
     * other processes) is embedded on the queue's own thread at normal priority; a fresh one on the idle threads.
     */
    @Test
    void aReflectionThatWaitedTooLongForIdleCpuIsEmbeddedAtNormalPriority() throws Exception {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        ReflectionEmbeddings embeddings = mock(ReflectionEmbeddings.class);
        java.util.concurrent.BlockingQueue<Boolean> onCallersThread = new java.util.concurrent.LinkedBlockingQueue<>();
        when(embeddings.embedAndStore(any(), any())).thenAnswer(call -> {
            onCallersThread.add(com.waymark.insight.themes.IdlePriority.callerRuns());
            return Map.of();
        });
        InsightSettings settings = new InsightSettings(0.5, 28, "classpath:insight/questions.json",
                new InsightSettings.Embeddings(10, 5, 1000, 0), null);
        EmbedOnCheckIn queue = new EmbedOnCheckIn(embeddings, new Foreground(0), new SimpleMeterRegistry(), settings,
                new MutableClock(now));
        try {
            queue.recorded(saved(1, now.minus(EmbedOnCheckIn.CATCH_UP_AFTER).minusSeconds(1), true));
            assertThat(onCallersThread.poll(10, TimeUnit.SECONDS)).as("waited too long: normal priority").isTrue();
            queue.recorded(saved(2, now, true));
            assertThat(onCallersThread.poll(10, TimeUnit.SECONDS)).as("fresh: idle threads").isFalse();
        } finally {
            queue.destroy();
        }
    }

    private static CheckInRecorded saved(long id, Instant at, boolean reflection) {
        return new CheckInRecorded(id, 7, null, at, CheckInSubmission.Source.CARD, reflection);
    }
}
