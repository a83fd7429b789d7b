package com.waymark.outbox;

import java.time.Instant;

/** What happened to one send. */
public sealed interface DeliveryResult {

    record Sent() implements DeliveryResult {
    }

    /** Throttled (429) or a transient failure (5xx, network): try again at {@code at}. */
    record RetryAt(Instant at, String reason) implements DeliveryResult {
    }

    /**
     * Not sent, and not tried: it is not the person's own time for messages (quiet hours, a day away, before their
     * "after"); queued again for {@code until}, when it is. Not an attempt, so it adds nothing to any backoff.
     */
    record Held(Instant until) implements DeliveryResult {
    }

    /** The person removed the app or blocked the bot (403/404): stop messaging them. */
    record Unreachable(String reason) implements DeliveryResult {
    }

    /** The message itself is wrong (400): retrying cannot help. */
    record Failed(String reason) implements DeliveryResult {
    }
}
