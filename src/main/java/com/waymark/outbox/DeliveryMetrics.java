package com.waymark.outbox;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The outbound side's meters. Tags are only a message kind and an outcome from fixed lists: never ids or text.
 * <ul>
 * <li>{@code waymark.outbox.deliveries}: every send attempt's outcome, by kind: {@code sent}, {@code throttled}
 * (Teams answered 429; retried at its Retry-After), {@code held} (not tried: outside the person's own time for
 * messages, queued again for when it is), {@code retry} (5xx, network, our own limits; retried with
 * backoff), {@code unreachable} (403/404), {@code failed} (other 4xx);</li>
 * <li>{@code waymark.checkins.sent}: check-in prompts delivered; {@code waymark.checkins.missed}: check-ins whose
 * window closed unanswered (with {@code waymark.checkins.answered}, from {@code ops}, the three of the funnel);</li>
 * <li>{@code waymark.outbox.depth}: messages waiting or in flight (a gauge, read at each scrape).</li>
 * </ul>
 * Counted after the outcome's transaction committed (the worker and the ticker call in once it has).
 */
@Component
public class DeliveryMetrics {

    static final String DELIVERIES = "waymark.outbox.deliveries";
    static final String SENT = "waymark.checkins.sent";
    static final String MISSED = "waymark.checkins.missed";
    static final String DEPTH = "waymark.outbox.depth";

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter missed;

    DeliveryMetrics(MeterRegistry registry, OutboxService outbox) {
        this.registry = registry;
        this.sent = Counter.builder(SENT).description("Check-in prompts delivered to Teams").register(registry);
        this.missed = Counter.builder(MISSED).description("Check-ins whose window closed unanswered")
                .register(registry);
        Gauge.builder(DEPTH, outbox, OutboxService::depth).description("Outbox messages waiting or in flight")
                .register(registry);
    }

    void delivered(OutboundMessage message, DeliveryResult result) {
        String kind = message.kind() == null ? "other" : message.kind().toLowerCase(Locale.ROOT);
        Counter.builder(DELIVERIES).description("Outbound send attempts by outcome").tag("kind", kind)
                .tag("outcome", outcome(result)).register(registry).increment();
        if (result instanceof DeliveryResult.Sent && OutboxPayloads.CHECKIN_PROMPT.equals(message.kind())) {
            sent.increment();
        }
    }

    /** Check-ins whose window closed unanswered (the schedule counts them; the figure sits with the sends). */
    public void missed(int count) {
        if (count > 0) {
            missed.increment(count);
        }
    }

    static String outcome(DeliveryResult result) {
        if (result instanceof DeliveryResult.Sent) {
            return "sent";
        }
        if (result instanceof DeliveryResult.Held) {
            return "held";
        }
        if (result instanceof DeliveryResult.RetryAt retry) {
            return "HTTP 429".equals(retry.reason()) ? "throttled" : "retry";
        }
        if (result instanceof DeliveryResult.Unreachable) {
            return "unreachable";
        }
        return "failed";
    }
}
