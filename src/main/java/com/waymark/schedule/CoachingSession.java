package com.waymark.schedule;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A coaching session the coach recorded; the pre-session digest goes out {@code digestHours} before it. */
@Entity
@Table(name = "coaching_session")
class CoachingSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "digest_hours", nullable = false)
    private int digestHours;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CoachingSession() {
    }

    CoachingSession(long programmeId, Instant startsAt, int digestHours, long createdBy, Instant now) {
        this.programmeId = programmeId;
        this.startsAt = startsAt;
        this.digestHours = digestHours;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Instant digestAt() {
        return info().digestAt();
    }

    /**
     * Whether the digest goes at once: its moment ({@link #digestAt}) has already come, as for a session recorded
     * less than {@code digestHours} ahead. {@link SessionTriggers} then starts its trigger now.
     */
    public boolean digestGoesAtOnce(Instant now) {
        return info().digestGoesAtOnce(now);
    }

    /** What other modules may know of it. */
    SessionInfo info() {
        return new SessionInfo(id, programmeId, startsAt, digestHours);
    }

    public Long getId() {
        return id;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public int getDigestHours() {
        return digestHours;
    }
}
