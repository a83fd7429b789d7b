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

/** An admin's invitation to the coaching team, for someone who need not take part; see {@link StaffInvitations}. */
@Entity
@Table(name = "staff_invitation")
class StaffInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "invited_by", nullable = false)
    private Long invitedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StaffInfo.Role role;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected StaffInvitation() {
    }

    StaffInvitation(long programmeId, long invitedBy, StaffInfo.Role role, String codeHash, Instant createdAt,
                    Instant expiresAt) {
        this.programmeId = programmeId;
        this.invitedBy = invitedBy;
        this.role = role;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    Long getId() {
        return id;
    }

    Long getInvitedBy() {
        return invitedBy;
    }

    Long getProgrammeId() {
        return programmeId;
    }

    StaffInfo.Role getRole() {
        return role;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
