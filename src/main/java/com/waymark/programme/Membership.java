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

/** A participant's place in one programme: their role, organisation and group as the coach recorded them. */
@Entity
@Table(name = "membership")
class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "group_id")
    private Long groupId;

    @Column
    private String role;

    @Column
    private String organisation;

    @Column(name = "line_manager_id")
    private Long lineManagerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipInfo.Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "enrolled_via", nullable = false)
    private MembershipInfo.Via enrolledVia;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    protected Membership() {
    }

    Membership(long programmeId, long participantId, MembershipInfo.Via via, Instant now) {
        this.programmeId = programmeId;
        this.participantId = participantId;
        this.enrolledVia = via;
        this.status = MembershipInfo.Status.ACTIVE;
        this.joinedAt = now;
    }

    void rejoin(Instant now) {
        status = MembershipInfo.Status.ACTIVE;
        joinedAt = now;
        leftAt = null;
    }

    void end(MembershipInfo.Status reason, Instant now) {
        status = reason;
        leftAt = now;
    }

    void describe(String role, String organisation, Long groupId, Long lineManagerId) {
        this.role = role;
        this.organisation = organisation;
        this.groupId = groupId;
        this.lineManagerId = lineManagerId;
    }

    public boolean isActive() {
        return status == MembershipInfo.Status.ACTIVE;
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

    public Long getGroupId() {
        return groupId;
    }

    public String getRole() {
        return role;
    }

    public String getOrganisation() {
        return organisation;
    }

    public Long getLineManagerId() {
        return lineManagerId;
    }

    public MembershipInfo.Status getStatus() {
        return status;
    }

    public MembershipInfo.Via getEnrolledVia() {
        return enrolledVia;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public Instant getLeftAt() {
        return leftAt;
    }

    /** What other modules may know of it: a value, read inside programme's transaction. */
    public MembershipInfo info() {
        return new MembershipInfo(programmeId, participantId, groupId, role, organisation, lineManagerId, status,
                enrolledVia, joinedAt, leftAt);
    }
}
