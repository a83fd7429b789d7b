package com.waymark.pairing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** "Can't this round" ({@code roundId} set) or a standing opt-out of a programme's peer coaching (null). */
@Entity
@Table(name = "pairing_opt_out")
class PairingOptOut {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "round_id")
    private Long roundId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PairingOptOut() {
    }

    PairingOptOut(long programmeId, long participantId, Long roundId, Instant now) {
        this.programmeId = programmeId;
        this.participantId = participantId;
        this.roundId = roundId;
        this.createdAt = now;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public Long getRoundId() {
        return roundId;
    }
}
