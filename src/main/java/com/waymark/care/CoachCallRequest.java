package com.waymark.care;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** "Please ask my coach to call me": recorded only when the person presses that button, for delivery later. */
@Entity
@Table(name = "coach_call_request")
class CoachCallRequest {

    /** PENDING until the coach has been told; scheduling moves it on. */
    public enum Status { PENDING, DELIVERED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "programme_id")
    private Long programmeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected CoachCallRequest() {
    }

    CoachCallRequest(long participantId, Long programmeId, Instant now) {
        this.participantId = participantId;
        this.programmeId = programmeId;
        this.status = Status.PENDING;
        this.requestedAt = now;
    }

    /** Passed on to the coach (queued for their 1:1 chat, which the outbox delivers with retries). */
    void delivered(Instant now) {
        this.status = Status.DELIVERED;
        this.deliveredAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getParticipantId() {
        return participantId;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
