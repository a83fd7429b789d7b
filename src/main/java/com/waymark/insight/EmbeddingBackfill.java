package com.waymark.insight;

import java.time.Duration;
import java.util.List;

import com.waymark.ops.Foreground;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Embeds reflections that have no vector yet: those written before this feature (and the demo data), those the
 * queue dropped or a crash lost, and all of them after a change of model. A Quartz job runs it every few minutes
 * on one instance of the cluster ({@link EmbeddingConfiguration}), newest first since they are what the next
 * digest reads, and paced: each batch waits for a quiet moment on this instance ({@link Foreground}; a run that
 * finds none within {@value #QUIET_WAIT_SECONDS} s ends and the next one carries on), and after each batch it rests
 * as long as the batch took, so it never takes more than about half the machine from the people talking to the bot.
 */
@Component
class EmbeddingBackfill {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingBackfill.class);

    static final int QUIET_WAIT_SECONDS = 30;

    private final ReflectionEmbeddings embeddings;
    private final EmbeddingStore store;
    private final Foreground foreground;
    private final int perRun;
    private volatile boolean closing;

    EmbeddingBackfill(ReflectionEmbeddings embeddings, EmbeddingStore store, Foreground foreground,
                      InsightSettings settings) {
        this.embeddings = embeddings;
        this.store = store;
        this.foreground = foreground;
        this.perRun = settings.embeddings().backfillPerRun();
    }

    /** Embeds up to the per-run budget of missing reflections; returns how many were stored. */
    int run() {
        int stored = 0;
        int looked = 0;
        long before = Long.MAX_VALUE;
        while (!closing && looked < perRun) {
            List<Long> ids = store.missing(embeddings.model(), before, Math.min(ReflectionEmbeddings.BATCH,
                    perRun - looked));
            if (ids.isEmpty() || !quiet()) {
                break;
            }
            looked += ids.size();
            // Below this batch next time, so that one that fails is not retried in a loop within the run.
            before = ids.get(ids.size() - 1);
            long start = System.nanoTime();
            try {
                stored += embeddings.embedAndStore(ids, ReflectionEmbeddings.Trigger.BACKFILL).size();
            } catch (RuntimeException e) {
                log.warn("Backfill of reflection embeddings failed for a batch ({})", e.getClass().getSimpleName());
            }
            if (!rest(System.nanoTime() - start)) {
                break;
            }
        }
        if (stored > 0) {
            log.info("Embedded {} reflections that had no embedding yet", stored);
        }
        return stored;
    }

    private boolean quiet() {
        try {
            return foreground.awaitQuiet(Duration.ofSeconds(QUIET_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean rest(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    /** Stops between batches, so a graceful shutdown does not wait for a whole run. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }
}
