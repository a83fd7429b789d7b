package com.waymark.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox: claims due rows as senders fall idle, hands each to the {@link OutboundPort} on a small pool
 * (the port applies the rate limits), and records the outcome. It never waits for a whole batch: one slow send (a
 * digest composed for the first time, a connector that times out after 30 s) holds up only its own sender, not a
 * check-in that falls due meanwhile. Runs on every instance; the claim keeps
 * them from sending the same row. Stopping finishes the batch in hand; what is left waits for the next start.
 * A crashed instance's leased rows go back to the queue when their lease ({@code waymark.outbox.lease-seconds},
 * at least twice the connector's 30-second send timeout) runs out.
 */
@Component
@EnableConfigurationProperties(OutboxSettings.class)
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** The shortest idle wait: a message due "now" that another instance claimed first is not chased in a spin. */
    private static final long MIN_IDLE_MILLIS = 10;

    private final OutboxService outbox;
    private final OutboundPort port;
    private final DeliveryOutcomes outcomes;
    private final DeliveryMetrics metrics;
    private final DeliveryTimes times;
    private final Clock clock;
    private final String node;
    private final int threads;
    private final long pollMillis;
    private final Duration lease;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService pool;
    /** Idle senders of the pool: the loop claims no more rows than it can start at once. */
    private Semaphore idleSenders;

    @Autowired
    public DeliveryWorker(OutboxService outbox, OutboundPort port, DeliveryOutcomes outcomes, DeliveryMetrics metrics,
                          DeliveryTimes times, Clock clock, OutboxSettings settings, Environment env) {
        this(outbox, port, outcomes, metrics, times, clock, settings.nodeId() != null && !settings.nodeId().isBlank()
                        ? settings.nodeId() : env.resolvePlaceholders("${HOSTNAME:local}-${server.port:0}"),
                settings.threads(), settings.pollMs(), settings.leaseSeconds());
    }

    public DeliveryWorker(OutboxService outbox, OutboundPort port, DeliveryOutcomes outcomes, DeliveryMetrics metrics,
                          DeliveryTimes times, Clock clock, String node, int threads, long pollMillis,
                          long leaseSeconds) {
        this.outbox = outbox;
        this.port = port;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.times = times;
        this.clock = clock;
        this.node = node;
        this.threads = threads;
        this.pollMillis = pollMillis;
        this.lease = Duration.ofSeconds(leaseSeconds);
    }

    /** Claims and sends one batch; returns how many were handled. Tests call it directly. */
    public int drainOnce() {
        // A send begun late in the lease could still be under way when the lease runs out and another instance
        // takes the row: so none starts once half the lease has gone (it must exceed twice the send timeout).
        Instant startBy = clock.instant().plus(lease.dividedBy(2));
        OutboxService.Claim claim = outbox.claim(node, threads * 8, lease);
        List<OutboundMessage> batch = claim.messages();
        if (batch.isEmpty()) {
            return 0;
        }
        Map<Long, Instant> held = times.heldUntil(batch, clock.instant());
        ExecutorService executor = pool != null ? pool : Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> inFlight = new ArrayList<>();
            for (OutboundMessage message : batch) {
                Instant until = held.get(message.outboxId());
                inFlight.add(executor.submit(until == null ? () -> send(message, claim.token(), startBy)
                        : () -> hold(message, claim.token(), until)));
            }
            for (Future<?> f : inFlight) {
                try {
                    f.get();
                } catch (Exception e) {
                    log.warn("A send task failed: {}", e.getClass().getSimpleName());
                }
            }
        } finally {
            if (executor != pool) {
                executor.shutdown();
            }
        }
        return batch.size();
    }

    /** Drains until nothing is due (tests and benchmarks). */
    public int drainAll() {
        int total = 0;
        for (int handled = drainOnce(); handled > 0; handled = drainOnce()) {
            total += handled;
        }
        return total;
    }

    /** Not the person's own time for it: back in the queue for when it is, without trying Teams. */
    private void hold(OutboundMessage message, String leaseToken, Instant until) {
        DeliveryResult result = new DeliveryResult.Held(until);
        outcomes.record(message, leaseToken, result);
        metrics.delivered(message, result);
    }

    private void send(OutboundMessage message, String leaseToken, Instant startBy) {
        if (clock.instant().isAfter(startBy)) {
            DeliveryResult late = new DeliveryResult.RetryAt(clock.instant(), "lease running out");
            outcomes.record(message, leaseToken, late);
            metrics.delivered(message, late);
            return;
        }
        DeliveryResult result;
        try {
            result = port.deliver(message);
        } catch (RuntimeException e) {
            result = new DeliveryResult.RetryAt(clock.instant().plusSeconds(30), e.getClass().getSimpleName());
        }
        outcomes.record(message, leaseToken, result);
        metrics.delivered(message, result);
    }

    public String node() {
        return node;
    }

    @Override
    public void start() {
        int reclaimed = outbox.releaseLeasesOf(node);
        if (reclaimed > 0) {
            log.info("Re-queued {} messages this node had in flight when it last stopped", reclaimed);
        }
        running = true;
        if (pollMillis <= 0) {
            return;
        }
        pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "waymark-send"));
        idleSenders = new Semaphore(threads);
        loop = new Thread(this::run, "waymark-outbox");
        loop.setDaemon(true);
        loop.start();
    }

    private void run() {
        while (running) {
            try {
                outbox.releaseExpiredLeases();
                if (dispatchOnce() == 0) {
                    Thread.sleep(idleMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox loop hiccup: {}", e.getClass().getSimpleName());
                sleepQuietly();
            }
        }
    }

    /**
     * Claims as many due rows as there are idle senders and starts them without waiting for them to finish; returns
     * how many it claimed (0 when nothing is due, or when stopping). Waits for a sender to fall idle first.
     */
    int dispatchOnce() throws InterruptedException {
        while (!idleSenders.tryAcquire(Math.max(pollMillis, 50), TimeUnit.MILLISECONDS)) {
            if (!running) {
                return 0;
            }
        }
        int spare = 1 + idleSenders.drainPermits();
        int started = 0;
        try {
            if (!running) {
                return 0;
            }
            // Each starts at once, so none is begun late in its lease (see drainOnce).
            Instant startBy = clock.instant().plus(lease.dividedBy(2));
            OutboxService.Claim claim = outbox.claim(node, spare, lease);
            List<OutboundMessage> batch = claim.messages();
            Map<Long, Instant> held = batch.isEmpty() ? Map.of() : times.heldUntil(batch, clock.instant());
            for (OutboundMessage message : batch) {
                Instant until = held.get(message.outboxId());
                pool.execute(() -> {
                    try {
                        if (until == null) {
                            send(message, claim.token(), startBy);
                        } else {
                            hold(message, claim.token(), until);
                        }
                    } catch (RuntimeException e) {
                        log.warn("A send task failed: {}", e.getClass().getSimpleName());
                    } finally {
                        idleSenders.release();
                    }
                });
                started++;
            }
            return batch.size();
        } finally {
            idleSenders.release(spare - started); // each started send gives its own back when done
        }
    }

    /**
     * Nothing due now: the poll period, or less when a message falls due sooner (a retry after Teams' Retry-After),
     * so that it goes when Teams said it may rather than up to a poll period later. Looked up only when idle.
     */
    long idleMillis() {
        return outbox.nextDue().map(due -> Duration.between(clock.instant(), due).toMillis())
                .map(wait -> Math.min(pollMillis, Math.max(MIN_IDLE_MILLIS, wait))).orElse(pollMillis);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(Math.max(pollMillis, 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Graceful: claims nothing more, lets the batch in hand finish (up to 20 s), then gives back any row this node
     * still holds, so another instance (or this one's next start) sends it without waiting for the lease to run
     * out. Rows are given back only once no send is under way: one returned mid-send could be sent twice.
     */
    @Override
    public void stop() {
        running = false;
        boolean idle = true;
        if (loop != null) {
            try {
                loop.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            idle = !loop.isAlive();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                // The loop no longer waits for its sends: they get the 20 s the batch in hand used to have.
                idle &= pool.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                idle = false;
            }
        }
        if (idle) {
            int released = outbox.releaseLeasesOf(node);
            if (released > 0) {
                log.info("Gave back {} claimed messages on shutdown", released);
            }
        } else {
            log.warn("Stopped with sends still under way: their leases run out and another instance takes them");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database go, so the batch in hand is recorded. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
