package com.waymark.outbox;

/**
 * A message reached Teams. Published in the transaction that records it, so a listener's change (a check-in marked
 * sent) commits or rolls back with the outcome.
 */
public record OutboxMessageSent(Long recipient, OutboxPayload payload) {
}
