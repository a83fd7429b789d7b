package com.waymark.cycle;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What the cycle knows of a coaching session beside schedule's {@code coaching_session} (same id): its end, the Teams
 * meeting it is held in, and whether it has ended. Kept here rather than as columns on schedule's table so that
 * schedule stays as it was and the one claim of "ended" ({@link SessionEnds}) is this module's own row.
 */
@Entity
@Table(name = "cycle_session")
class CycleSession {

    /** How the end was noticed. */
    public enum EndedBy { MEETING_END, TIMER }

    @Id
    @Column(name = "session_id")
    private Long sessionId;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    /** The meeting's chat thread id (or, for a join link without one, the link without its query); null for none. */
    @Column(name = "meeting_key")
    private String meetingKey;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private String endedBy;

    protected CycleSession() {
    }

    CycleSession(long sessionId, long programmeId, Instant startsAt, Instant endsAt, String meetingKey) {
        this.sessionId = sessionId;
        this.programmeId = programmeId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.meetingKey = meetingKey;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getMeetingKey() {
        return meetingKey;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndedBy() {
        return endedBy;
    }
}
