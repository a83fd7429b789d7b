package com.waymark.schedule;

import java.time.Instant;

/** What happened to one send. */
public sealed interface DeliveryResult {

    record Sent() implements DeliveryResult {
    }

    /** Throttled (429) or a transient failure (5xx, network): try again at {@code at}. */
    record RetryAt(Instant at, String reason) implements DeliveryResult {
    }

    /** The person removed the app or blocked the bot (403/404): stop messaging them. */
    record Unreachable(String reason) implements DeliveryResult {
    }

    /** The message itself is wrong (400): retrying cannot help. */
    record Failed(String reason) implements DeliveryResult {
    }
}
