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

/**
 * One person in one round. PAIRED in a group; UNMATCHED when the round could not place them (with the
 * reason); WITHDRAWN after "can't this round" or opting out (they keep their group, as history, but meet
 * nobody); ALONE when every partner withdrew and no one else was free yet. Only PAIRED members count as
 * having met for the next rounds' history.
 */
@Entity
@Table(name = "pairing_member")
class PairingMember {


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "group_id")
    private Long groupId;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column
    private String role;

    @Column
    private String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlaceInRound status;

    @Column(name = "unmatched_reason")
    private String unmatchedReason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PairingMember() {
    }

    private PairingMember(long roundId, Long groupId, Candidate candidate, PlaceInRound status, String reason, Instant now) {
        this.roundId = roundId;
        this.groupId = groupId;
        this.participantId = candidate.id();
        this.role = candidate.role().isEmpty() ? null : candidate.role();
        this.organisation = candidate.organisation().isEmpty() ? null : candidate.organisation();
        this.status = status;
        this.unmatchedReason = reason;
        this.updatedAt = now;
    }

    static PairingMember paired(long roundId, long groupId, Candidate candidate, Instant now) {
        return new PairingMember(roundId, groupId, candidate, PlaceInRound.PAIRED, null, now);
    }

    static PairingMember unmatched(long roundId, Candidate candidate, Unmatched.Reason reason, Instant now) {
        return new PairingMember(roundId, null, candidate, PlaceInRound.UNMATCHED, reason.name(), now);
    }

    void withdraw(Instant now) {
        status = PlaceInRound.WITHDRAWN;
        updatedAt = now;
    }

    void alone(Instant now) {
        status = PlaceInRound.ALONE;
        updatedAt = now;
    }

    void rematch(long newGroupId, Instant now) {
        groupId = newGroupId;
        status = PlaceInRound.PAIRED;
        unmatchedReason = null;
        updatedAt = now;
    }

    /** As the engine sees them: id, and role and organisation as recorded when the round ran. */
    Candidate candidate() {
        return new Candidate(participantId, role, organisation);
    }

    public Long getId() {
        return id;
    }

    public Long getRoundId() {
        return roundId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getParticipantId() {
        return participantId;
    }

    public String getRole() {
        return role;
    }

    public String getOrganisation() {
        return organisation;
    }

    public PlaceInRound getStatus() {
        return status;
    }

    public String getUnmatchedReason() {
        return unmatchedReason;
    }
}
