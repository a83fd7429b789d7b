package com.waymark.outbox;

/**
 * One claimed outbox row, ready to send.
 *
 * @param kind                  the payload's stored type name (for metrics and logs)
 * @param conversationReference opaque, as the edge stored it on the participant; null if never reached
 * @param payload               what to say, read back by type; null if this instance cannot read it
 */
public record OutboundMessage(long outboxId, String idempotencyKey, String kind, Long participantId,
                              String conversationReference, OutboxPayload payload, int attempt) {
}
