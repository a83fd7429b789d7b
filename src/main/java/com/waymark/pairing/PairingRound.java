package com.waymark.pairing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One round run from a plan: its index, the mode that applied (PROGRESSION resolved) and when it ran. */
@Entity
@Table(name = "pairing_round")
class PairingRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_id", nullable = false)
    private Long planId;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "round_index", nullable = false)
    private int roundIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PairingMode mode;

    @Column(name = "run_at", nullable = false)
    private Instant runAt;

    @Column(name = "follow_up_at", nullable = false)
    private Instant followUpAt;

    protected PairingRound() {
    }

    PairingRound(long planId, long programmeId, int roundIndex, PairingMode mode, Instant runAt, Instant followUpAt) {
        this.planId = planId;
        this.programmeId = programmeId;
        this.roundIndex = roundIndex;
        this.mode = mode;
        this.runAt = runAt;
        this.followUpAt = followUpAt;
    }

    public Long getId() {
        return id;
    }

    public Long getPlanId() {
        return planId;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public int getRoundIndex() {
        return roundIndex;
    }

    public PairingMode getMode() {
        return mode;
    }

    public Instant getRunAt() {
        return runAt;
    }

    public Instant getFollowUpAt() {
        return followUpAt;
    }
}
