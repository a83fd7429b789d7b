package com.waymark.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.waymark.checkin.CheckInRecorded;
import com.waymark.insight.themes.IdlePriority;
import com.waymark.ops.Foreground;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Embeds reflections once their check-ins have committed, on one background thread of its own, a few at a time (those
 * waiting, up to {@value #BATCH}: one read and one write for them all). The models run on threads that take only idle
 * CPU ({@link IdlePriority}): a turn that wakes up takes the core at once, so a burst of check-ins after a scheduled
 * prompt is answered at the speed of the turns alone, and embedding uses every moment the turns leave, at any rate of
 * traffic. Where the operating system will not lower their priority, or when a reflection has waited longer than
 * {@link #CATCH_UP_AFTER} for idle CPU (other processes may keep the machine busy for good), it embeds on its own
 * thread at normal priority and rests instead, while people are waiting on this instance ({@link Foreground}),
 * nine times as long as each batch took: a tenth of a core at most beside the turns. Nobody needs a vector before the next digest, so
 * waiting is free. The queue is bounded: what overflows it is counted ({@code waymark.embeddings.dropped}) and the
 * backfill picks it up within minutes, as it does what a restart lost; how far behind embedding is shows in
 * {@code waymark.embeddings.backlog.age}.
 */
@Component
class EmbedOnCheckIn implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbedOnCheckIn.class);
    /** How long one wait for work lasts before it checks whether the application closes. */
    private static final Duration WAIT = Duration.ofSeconds(1);
    /**
     * A reflection that has waited this long for idle CPU is embedded at normal priority (a tenth of a core at most
     * while turns run): on a machine that other processes keep busy, idle CPU may never come.
     */
    static final Duration CATCH_UP_AFTER = Duration.ofSeconds(30);
    /** Reflections embedded together: one read of their texts and one write of their vectors. */
    static final int BATCH = 32;
    /** While turns run, without idle priority: rest nine times as long as the work took, a tenth of a core at most. */
    private static final long RESTS_PER_WORK = 9;
    /** A reflection that took long (the models loading) does not park the queue for longer than this. */
    private static final long MAX_REST_NANOS = Duration.ofSeconds(2).toNanos();

    private final ReflectionEmbeddings embeddings;
    private final Foreground foreground;
    private final BlockingQueue<Queued> pending;
    private final Clock clock;
    private final Counter dropped;
    private final Thread worker;
    private volatile boolean closing;

    /** A saved reflection waiting, and when it was saved: the oldest one's age is how far behind embedding is. */
    private record Queued(long checkInId, Instant savedAt) {
    }

    EmbedOnCheckIn(ReflectionEmbeddings embeddings, Foreground foreground, MeterRegistry meters,
                   InsightSettings settings, Clock clock) {
        this.clock = clock;
        this.embeddings = embeddings;
        this.foreground = foreground;
        this.pending = new ArrayBlockingQueue<>(Math.max(1, settings.embeddings().queue()));
        this.dropped = Counter.builder("waymark.embeddings.dropped")
                .description("Reflections not queued for embedding because the queue was full (the backfill does them)")
                .register(meters);
        Gauge.builder("waymark.embeddings.pending", pending, BlockingQueue::size)
                .description("Saved reflections waiting for a quiet moment to be embedded").register(meters);
        // How far behind: the queue is first in, first out, so when embedding falls behind the check-ins, the
        // oldest waiting reflection ages; when it keeps up, it stays near zero. A full queue drops new ones
        // (waymark.embeddings.dropped) and keeps its oldest, so this goes on growing then too.
        Gauge.builder("waymark.embeddings.backlog.age", this, EmbedOnCheckIn::backlogSeconds).baseUnit("seconds")
                .description("How long the oldest reflection waiting to be embedded has waited (0 when none waits)")
                .register(meters);
        this.worker = new Thread(this::work, "embed-on-check-in");
        worker.setDaemon(true);
        worker.start();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void recorded(CheckInRecorded event) {
        if (!event.hasReflection()) {
            return; // nothing to embed: not even a read to find that out
        }
        if (!pending.offer(new Queued(event.checkInId(), event.at()))) {
            dropped.increment();
        }
    }

    private void work() {
        while (!closing) {
            try {
                Queued next = pending.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                List<Queued> batch = new ArrayList<>(BATCH);
                batch.add(next);
                pending.drainTo(batch, BATCH - 1);
                long start = System.nanoTime();
                // Waited too long for idle CPU (other processes keep the machine busy): this thread embeds them at its
                // own priority, and rests as below, so embedding never falls further behind than that.
                boolean behind = Duration.between(next.savedAt(), clock.instant()).compareTo(CATCH_UP_AFTER) > 0;
                List<Long> ids = batch.stream().map(Queued::checkInId).toList();
                if (behind) {
                    IdlePriority.onCallersThread(() -> embed(ids));
                } else {
                    embed(ids);
                }
                if ((behind || !IdlePriority.available()) && !foreground.isQuiet()) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(RESTS_PER_WORK * (System.nanoTime() - start), MAX_REST_NANOS));
                }
            } catch (InterruptedException e) {
                return; // what is queued is left to the backfill of the next start
            }
        }
    }

    /** Seconds the oldest waiting reflection has waited since it was saved; 0 when none waits. */
    double backlogSeconds() {
        Queued oldest = pending.peek();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.savedAt(), clock.instant()).toMillis() / 1000.0);
    }

    private boolean embed(List<Long> checkInIds) {
        try {
            embeddings.embedAndStore(checkInIds, ReflectionEmbeddings.Trigger.STORED);
            return true;
        } catch (RuntimeException e) {
            // Counted by ReflectionEmbeddings; the type only, as messages may quote values. The backfill retries.
            log.warn("Could not embed reflections now ({}); the backfill will retry", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * The reflection in hand finishes (briefly); the queued ones are left to the backfill. Never interrupted: an
     * interrupt inside a database call would make H2 close its file under everyone.
     */
    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        worker.join(5_000);
    }
}
