package com.waymark.programme;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A coach or programme admin. Admins can also manage the coaching team; both see team-level insight. */
@Entity
@Table(name = "programme_staff")
class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffInfo.Role role;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected StaffMember() {
    }

    StaffMember(long programmeId, long participantId, StaffInfo.Role role, Instant now) {
        this.programmeId = programmeId;
        this.participantId = participantId;
        this.role = role;
        this.addedAt = now;
    }

    void changeRole(StaffInfo.Role newRole) {
        this.role = newRole;
    }

    public Long getId() {
        return id;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public Long getParticipantId() {
        return participantId;
    }

    public StaffInfo.Role getRole() {
        return role;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    /** What other modules may know of it. */
    public StaffInfo info() {
        return new StaffInfo(programmeId, participantId, role);
    }
}
