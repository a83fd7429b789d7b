package com.waymark.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.waymark.outbox.DeliveryResult;
import com.waymark.outbox.OutboundMessage;
import com.waymark.outbox.OutboundPort;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's messages to Teams: rate-limited, rendered into cards, and every failure translated
 * into what the outbox should do next: 429 → retry when Teams says (Retry-After), 5xx and network errors →
 * exponential backoff with jitter, 403/404 → the person is unreachable, other 4xx → give up.
 */
@Component
class TeamsOutbound implements OutboundPort {

    static final String IDEMPOTENCY_PROPERTY = "waymarkIdempotencyKey";
    private static final Duration BASE_BACKOFF = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final ProactiveSender sender;
    private final ConnectorRateLimiter limits;
    private final OutboundRenderer renderer;
    private final Clock clock;

    TeamsOutbound(ProactiveSender sender, ConnectorRateLimiter limits, OutboundRenderer renderer, Clock clock) {
        this.sender = sender;
        this.limits = limits;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public DeliveryResult deliver(OutboundMessage message) {
        ConversationReference reference = ProactiveSender.parse(message.conversationReference());
        if (reference == null || reference.getConversation() == null) {
            return new DeliveryResult.Unreachable("no 1:1 conversation stored");
        }
        List<Activity> activities;
        try {
            activities = renderer.render(message);
        } catch (RuntimeException e) {
            return new DeliveryResult.Failed("could not render " + message.kind());
        }
        if (activities.isEmpty()) {
            return new DeliveryResult.Sent();
        }
        Duration wait = limits.conversationWait(reference.getConversation().getId());
        if (!wait.isZero()) {
            return new DeliveryResult.RetryAt(clock.instant().plus(wait), "conversation rate limit");
        }
        try {
            limits.awaitBotPermit();
            // The key travels with the message so a receiver (and our benchmark) can tell a resend from a new one.
            // Not as the activity id: the SDK clears ids before sending.
            activities.forEach(a -> a.setProperties(IDEMPOTENCY_PROPERTY, TextNode.valueOf(message.idempotencyKey())));
            sender.send(reference, activities).get(30, TimeUnit.SECONDS);
            return new DeliveryResult.Sent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryAt(clock.instant(), "interrupted");
        } catch (ExecutionException | CompletionException | TimeoutException e) {
            return classify(unwrap(e), message.attempt());
        } catch (RuntimeException e) {
            return classify(e, message.attempt());
        }
    }

    DeliveryResult classify(Throwable failure, int attempt) {
        if (failure instanceof RestException rest && rest.response() != null) {
            int status = rest.response().code();
            if (status == 429) {
                return new DeliveryResult.RetryAt(retryAfter(rest.response().headers().get("Retry-After"), attempt),
                        "HTTP 429");
            }
            if (status == 403 || status == 404) {
                return new DeliveryResult.Unreachable("HTTP " + status);
            }
            if (status >= 400 && status < 500) {
                return new DeliveryResult.Failed("HTTP " + status);
            }
            return new DeliveryResult.RetryAt(backoff(attempt), "HTTP " + status);
        }
        return new DeliveryResult.RetryAt(backoff(attempt), failure.getClass().getSimpleName());
    }

    /** Retry-After in seconds (or an HTTP date we don't bother parsing: then our own backoff). */
    private Instant retryAfter(String header, int attempt) {
        if (header != null && header.strip().matches("\\d{1,6}")) {
            return clock.instant().plusSeconds(Long.parseLong(header.strip()));
        }
        return backoff(attempt);
    }

    /** Exponential backoff with full jitter: spreads retries out so a recovering connector isn't stampeded. */
    Instant backoff(int attempt) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << Math.min(Math.max(attempt - 1, 0), 16));
        return clock.instant().plusMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
