package com.waymark.pairing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Two people, or three, put together in a round (by the engine, or later by a rematch). */
@Entity
@Table(name = "pairing_group")
class PairingGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "matches_mode", nullable = false)
    private boolean matchesMode;

    @Column(name = "repeat_pairs", nullable = false)
    private int repeatPairs;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PairingGroup() {
    }

    PairingGroup(long roundId, boolean matchesMode, int repeatPairs, Instant now) {
        this.roundId = roundId;
        this.matchesMode = matchesMode;
        this.repeatPairs = repeatPairs;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getRoundId() {
        return roundId;
    }

    public boolean isMatchesMode() {
        return matchesMode;
    }

    public int getRepeatPairs() {
        return repeatPairs;
    }
}
