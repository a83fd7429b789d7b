package com.waymark.insight;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.waymark.checkin.CheckInRecorded;
import com.waymark.checkin.ReflectionTexts;
import com.waymark.ops.Foreground;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Clusters the themes coaches will read before they ask ({@link TeamInsights#precomputeThemes}), so that
 * {@code summary}, {@code themes} and the digest find them stored ({@link ThemeResults}) instead of loading the
 * models and clustering while a coach waits. A programme is marked when one of its check-ins commits, and by the
 * embedding backfill's Quartz job (every few minutes, on one instance) for each programme with a reflection in the
 * last {@value #RECENT_DAYS} days: that finds the demo data, another instance's check-ins and a window that moved at
 * midnight. Marks are settled for {@code waymark.insight.precompute.settle} so that a burst of check-ins costs one
 * clustering, then done one programme at a time on one low-priority thread that waits for a quiet moment on this
 * instance ({@link Foreground}), as the backfill does: never on a turn's thread. Any reflection it finds without an
 * embedding is embedded on the spot.
 * <p>
 * Meters: {@code waymark.themes.precomputed} (programmes clustered ahead).
 */
@Component
class ThemePrecompute implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ThemePrecompute.class);
    static final int RECENT_DAYS = 14;
    /** How long one wait for work, or for quiet, lasts before it checks whether the application closes. */
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final TeamInsights insights;
    private final ReflectionTexts reflections;
    private final Foreground foreground;
    private final Clock clock;
    private final Duration settle;
    private final Set<Long> checkIns = ConcurrentHashMap.newKeySet();
    private final Set<Long> programmes = ConcurrentHashMap.newKeySet();
    private final Counter precomputed;
    private final Thread worker;
    private volatile boolean closing;

    ThemePrecompute(TeamInsights insights, ReflectionTexts reflections, Foreground foreground, Clock clock,
                    InsightSettings settings, MeterRegistry meters) {
        this.insights = insights;
        this.reflections = reflections;
        this.foreground = foreground;
        this.clock = clock;
        this.settle = settings.precompute().settle();
        this.precomputed = Counter.builder("waymark.themes.precomputed")
                .description("Programmes whose themes were clustered ahead of a read").register(meters);
        this.worker = new Thread(this::work, "theme-precompute");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
        if (settings.precompute().enabled()) {
            worker.start();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void recorded(CheckInRecorded event) {
        if (!event.hasReflection()) {
            return; // themes are clustered over reflections: one without changes none
        }
        checkIns.add(event.checkInId());
    }

    /** Marks every programme with a reflection written in the last {@value #RECENT_DAYS} days. */
    void markRecent() {
        programmes.addAll(reflections.programmesWithReflectionsSince(clock.instant().minus(Duration.ofDays(RECENT_DAYS))));
    }

    /** Clusters ahead for these programmes now, on the caller's thread; returns how many had to be clustered. */
    int precompute(Iterable<Long> programmeIds) {
        int done = 0;
        for (long programmeId : programmeIds) {
            if (closing) {
                break;
            }
            try {
                if (insights.precomputeThemes(programmeId)) {
                    precomputed.increment();
                    done++;
                }
            } catch (RuntimeException e) {
                // The type only, as messages may quote values; a read clusters on the spot meanwhile.
                log.warn("Could not cluster a programme's themes ahead ({})", e.getClass().getSimpleName());
            }
        }
        return done;
    }

    private void work() {
        while (!closing) {
            try {
                if (checkIns.isEmpty() && programmes.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(WAIT.toMillis());
                    continue;
                }
                long settled = System.nanoTime() + settle.toNanos();
                while (!closing && System.nanoTime() < settled) {
                    TimeUnit.MILLISECONDS.sleep(Math.min(WAIT.toMillis(), settle.toMillis()));
                }
                Set<Long> due = new TreeSet<>(drain(programmes));
                due.addAll(reflections.programmesOf(drain(checkIns)));
                for (long programmeId : due) {
                    while (!closing && !foreground.awaitQuiet(WAIT)) {
                        // Turns are running on this instance: they go first.
                    }
                    precompute(List.of(programmeId));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Precomputing themes failed ({}); reads cluster on the spot", e.getClass().getSimpleName());
            }
        }
    }

    private static List<Long> drain(Set<Long> marks) {
        List<Long> taken = new ArrayList<>(marks);
        taken.forEach(marks::remove);
        return taken;
    }

    /** Stops between programmes; never interrupted (an interrupt inside a database call closes H2's file). */
    @Override
    public void destroy() throws InterruptedException {
        closing = true;
        worker.join(5_000);
    }
}
