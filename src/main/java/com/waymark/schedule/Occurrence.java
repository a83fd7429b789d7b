package com.waymark.schedule;

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
 * One planned check-in for one person. PLANNED → QUEUED (in the outbox) → SENT → REMINDED → ANSWERED;
 * or SKIPPED by the person (or by their pause), or MISSED when its window closes unanswered (never nagged again);
 * AWAY when it fell on their days away and could not move to a day they are here (never sent, never missed);
 * CANCELLED when they left the programme (or were removed from its team) before it went out or was answered.
 */
@Entity
@Table(name = "checkin_occurrence")
class Occurrence {

    public enum Status { PLANNED, QUEUED, SENT, REMINDED, ANSWERED, SKIPPED, MISSED, AWAY, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurrence_key", nullable = false)
    private String key;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "schedule_id", nullable = false)
    private Long scheduleId;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "nominal_at", nullable = false)
    private Instant nominalAt;

    @Column(name = "send_at", nullable = false)
    private Instant sendAt;

    @Column(name = "remind_at")
    private Instant remindAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "check_in_id")
    private Long checkInId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Occurrence() {
    }

    Occurrence(String key, long participantId, long scheduleId, long programmeId, Slot slot, Instant now) {
        this.key = key;
        this.participantId = participantId;
        this.scheduleId = scheduleId;
        this.programmeId = programmeId;
        this.nominalAt = slot.nominalAt();
        this.sendAt = slot.sendAt();
        this.remindAt = slot.remindAt();
        this.closesAt = slot.closesAt();
        this.status = slot.away() ? Status.AWAY : Status.PLANNED;
        this.updatedAt = now;
    }

    void moveTo(Status next, Instant now) {
        status = next;
        updatedAt = now;
    }

    void answered(long checkIn, Instant now) {
        checkInId = checkIn;
        moveTo(Status.ANSWERED, now);
    }

    /** Snooze moves the reminder: the prompt comes back once, later, still inside the window. */
    void snoozeUntil(Instant until, Instant now) {
        remindAt = until.isBefore(closesAt) ? until : null;
        updatedAt = now;
    }

    public boolean isOpen() {
        return status == Status.SENT || status == Status.REMINDED || status == Status.QUEUED;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public Long getParticipantId() {
        return participantId;
    }

    public Long getScheduleId() {
        return scheduleId;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public Instant getNominalAt() {
        return nominalAt;
    }

    public Instant getSendAt() {
        return sendAt;
    }

    public Instant getRemindAt() {
        return remindAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Status getStatus() {
        return status;
    }

    public Long getCheckInId() {
        return checkInId;
    }
}
