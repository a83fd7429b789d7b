package com.waymark.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to say again that something is still waiting: the first time it is found, then once per {@link #every} while it
 * waits, not on every 30-second tick. Forgets what is no longer waiting. Per instance, in memory: after a restart each
 * waiting thing is told once more, which an operator reading that start's log would want.
 */
final class WaitingNotices {

    private final Duration every;
    private final Map<Long, Instant> toldAt = new ConcurrentHashMap<>();

    WaitingNotices(Duration every) {
        this.every = every;
    }

    /** True if {@code id} should be told about now (and remembers that it was). */
    boolean due(long id, Instant now) {
        boolean[] due = {false};
        // Atomic: the Quartz tick and a direct call may look at the same request at once, and only one should tell.
        toldAt.compute(id, (key, last) -> {
            due[0] = last == null || !now.isBefore(last.plus(every));
            return due[0] ? now : last;
        });
        return due[0];
    }

    /** True if {@code id} had been told about as waiting; it is forgotten either way (it no longer waits). */
    boolean done(long id) {
        return toldAt.remove(id) != null;
    }

    /** Keeps only the ids still waiting (the others were passed on, or erased with their person). */
    void retainOnly(Collection<Long> waiting) {
        toldAt.keySet().retainAll(waiting);
    }
}
