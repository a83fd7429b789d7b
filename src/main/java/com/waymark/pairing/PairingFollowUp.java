package com.waymark.pairing;

import java.time.Instant;

import com.waymark.privacy.EncryptedText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The follow-up to one member of one group: PLANNED → QUEUED (in the outbox) → ANSWERED; "not yet" puts it
 * back to PLANNED two days later (at most {@link #MAX_SNOOZES} times); CANCELLED when the group changed.
 */
@Entity
@Table(name = "pairing_follow_up")
class PairingFollowUp {

    public enum Status { PLANNED, QUEUED, ANSWERED, CANCELLED }


    public static final int MAX_SNOOZES = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "group_id", nullable = false)
    private Long groupId;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(nullable = false)
    private int snoozes;

    @Enumerated(EnumType.STRING)
    @Column
    private Met met;

    @Column
    private Integer usefulness;

    /** The person's own words about themselves: encrypted at rest, like a reflection. */
    @Column(name = "one_thing")
    @Convert(converter = EncryptedText.class)
    private String oneThing;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected PairingFollowUp() {
    }

    PairingFollowUp(PairingMember member, Instant dueAt) {
        this.memberId = member.getId();
        this.groupId = member.getGroupId();
        this.participantId = member.getParticipantId();
        this.status = Status.PLANNED;
        this.dueAt = dueAt;
    }

    void queued() {
        status = Status.QUEUED;
    }

    void cancel() {
        if (status == Status.PLANNED || status == Status.QUEUED) {
            status = Status.CANCELLED;
        }
    }

    void snoozeUntil(Instant until) {
        snoozes++;
        dueAt = until;
        status = Status.PLANNED;
    }

    void answer(Met met, Integer usefulness, String oneThing, Instant now) {
        this.met = met;
        this.usefulness = usefulness;
        this.oneThing = oneThing;
        this.answeredAt = now;
        this.status = Status.ANSWERED;
    }

    public boolean isOpen() {
        return status == Status.PLANNED || status == Status.QUEUED;
    }

    public Long getId() {
        return id;
    }

    public Long getMemberId() {
        return memberId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getParticipantId() {
        return participantId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public int getSnoozes() {
        return snoozes;
    }

    public Met getMet() {
        return met;
    }

    public Integer getUsefulness() {
        return usefulness;
    }

    public String getOneThing() {
        return oneThing;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
