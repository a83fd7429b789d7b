package com.waymark.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message the bot has decided to send, written in the same transaction as that decision.
 * PENDING → CLAIMED (leased by one instance) → SENT; or back to PENDING with a later due time after a
 * 429/5xx; or UNREACHABLE (the person removed or blocked the app); CANCELLED when no longer wanted.
 */
@Entity
@Table(name = "outbox_message")
class OutboxMessage {

    public enum Status { PENDING, CLAIMED, SENT, UNREACHABLE, FAILED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(name = "participant_id")
    private Long participantId;

    /** The payload's type name ({@link OutboxPayloads}). */
    @Column(nullable = false)
    private String kind;

    @Column(name = "payload_version", nullable = false)
    private int payloadVersion;

    @Column(name = "occurrence_id")
    private Long occurrenceId;

    @Column
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxMessage() {
    }

    OutboxMessage(String key, Long participantId, OutboxPayload payload, Instant dueAt, Instant now) {
        this.idempotencyKey = key;
        this.participantId = participantId;
        this.kind = OutboxPayloads.typeOf(payload);
        this.payloadVersion = OutboxPayloads.VERSION;
        // Kept in a column of its own so a check-in's messages are withdrawn with it (and cascade with it).
        this.occurrenceId = payload instanceof OutboxPayload.CheckIn checkIn ? checkIn.occurrenceId() : null;
        this.payload = OutboxPayloads.write(payload);
        this.status = Status.PENDING;
        this.dueAt = dueAt;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Long getParticipantId() {
        return participantId;
    }

    public String getKind() {
        return kind;
    }

    public Long getOccurrenceId() {
        return occurrenceId;
    }

    public OutboxPayload getPayload() {
        return OutboxPayloads.read(kind, payloadVersion, payload);
    }

    public Status getStatus() {
        return status;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public int getAttempts() {
        return attempts;
    }
}
