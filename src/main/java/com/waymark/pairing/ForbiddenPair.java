package com.waymark.pairing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Two people a coach has said must never be paired in a programme, lowest id first. */
@Entity
@Table(name = "forbidden_pair")
class ForbiddenPair {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "low_id", nullable = false)
    private Long lowId;

    @Column(name = "high_id", nullable = false)
    private Long highId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ForbiddenPair() {
    }

    ForbiddenPair(long programmeId, PairKey pair, Instant now) {
        this.programmeId = programmeId;
        this.lowId = pair.low();
        this.highId = pair.high();
        this.createdAt = now;
    }

    public PairKey pair() {
        return new PairKey(lowId, highId);
    }

    public Long getProgrammeId() {
        return programmeId;
    }
}
