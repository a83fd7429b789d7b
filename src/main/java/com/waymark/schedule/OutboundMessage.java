package com.waymark.schedule;

/**
 * One claimed outbox row, ready to send.
 *
 * @param conversationReference opaque, as the edge stored it on the participant; null if never reached
 * @param payload               JSON the edge renders into a card or text
 */
public record OutboundMessage(long outboxId, String idempotencyKey, OutboxMessage.Kind kind, Long participantId,
                              String conversationReference, String payload, int attempt) {
}
