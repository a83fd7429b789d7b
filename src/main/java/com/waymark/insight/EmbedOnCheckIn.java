package com.waymark.insight;

import java.util.List;

import com.waymark.checkin.CheckInRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Embeds a reflection once its check-in has committed, on a background thread of its own, so the participant's
 * turn never waits for the models. One thread and a bounded queue: when a burst of check-ins fills it, the rest
 * are dropped (counted as {@code waymark.embeddings.dropped}) and the backfill picks them up within minutes.
 * <p>
 * The executor is kept private rather than made a bean: an {@code Executor} bean would stand in for Spring Boot's
 * own application task executor.
 */
@Component
class EmbedOnCheckIn implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbedOnCheckIn.class);

    private final ReflectionEmbeddings embeddings;
    private final ThreadPoolTaskExecutor executor;
    private final Counter dropped;

    EmbedOnCheckIn(ReflectionEmbeddings embeddings, MeterRegistry meters,
                   @Value("${waymark.insight.embeddings.queue:1000}") int queue) {
        this.embeddings = embeddings;
        this.dropped = Counter.builder("waymark.embeddings.dropped")
                .description("Reflections not embedded at once because the queue was full (the backfill does them)")
                .register(meters);
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix("embed-");
        executor.setDaemon(true);
        // On shutdown the one in hand finishes (briefly); queued ones are left to the backfill of the next start.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(5);
        executor.initialize();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void recorded(CheckInRecorded event) {
        try {
            executor.execute(() -> embed(event.checkInId()));
        } catch (TaskRejectedException e) {
            dropped.increment();
        }
    }

    private void embed(long checkInId) {
        try {
            embeddings.embedAndStore(List.of(checkInId), ReflectionEmbeddings.Trigger.STORED);
        } catch (RuntimeException e) {
            // Counted by ReflectionEmbeddings; the type only, as messages may quote values. The backfill retries.
            log.warn("Could not embed a reflection now ({}); the backfill will retry", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
