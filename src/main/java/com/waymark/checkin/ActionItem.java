package com.waymark.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.waymark.privacy.EncryptedText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * One step of a participant's own action plan. Its number is stable for the person ("done 3" always
 * means the same action), and every change is kept as an {@link ActionEvent}.
 */
@Entity
@Table(name = "action_item")
class ActionItem {

    public enum Status { OPEN, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(nullable = false)
    private int number;

    /** Encrypted at rest (AES-GCM): what the person means to do, in their words. */
    @Column(nullable = false)
    @Convert(converter = EncryptedText.class)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** Encrypted at rest: what is in the way, in the person's words; null when nothing is. */
    @Column
    @Convert(converter = EncryptedText.class)
    private String blocker;

    @Enumerated(EnumType.STRING)
    @Column(name = "blocker_kind")
    private BlockerKind blockerKind;

    @Column(name = "blocked_at")
    private Instant blockedAt;

    @OneToMany(mappedBy = "action", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at ASC, id ASC")
    private List<ActionEvent> history = new ArrayList<>();

    protected ActionItem() {
    }

    ActionItem(long participantId, int number, String text, Instant now) {
        this.participantId = participantId;
        this.number = number;
        this.text = text;
        this.status = Status.OPEN;
        this.createdAt = now;
        history.add(new ActionEvent(this, ActionEvent.Type.CREATED, now));
    }

    void block(String what, Instant now) {
        blocker = what;
        blockerKind = BlockerKind.of(what);
        blockedAt = now;
        history.add(new ActionEvent(this, ActionEvent.Type.BLOCKED, now));
    }

    /** A word on how it is going that changes nothing else (partly done, not yet). */
    void note(ActionEvent.Type how, Instant now) {
        history.add(new ActionEvent(this, how, now));
    }

    void complete(Instant now) {
        status = Status.DONE;
        completedAt = now;
        blocker = null;
        blockerKind = null;
        blockedAt = null;
        history.add(new ActionEvent(this, ActionEvent.Type.DONE, now));
    }

    public Long getId() {
        return id;
    }

    public Long getParticipantId() {
        return participantId;
    }

    public int getNumber() {
        return number;
    }

    public String getText() {
        return text;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getBlocker() {
        return blocker;
    }

    public BlockerKind getBlockerKind() {
        return blockerKind;
    }

    public Instant getBlockedAt() {
        return blockedAt;
    }

    /** What other modules may know of it. */
    ActionInfo info() {
        return new ActionInfo(id, number, text, status == Status.DONE, blocker, createdAt, completedAt);
    }

    public List<ActionEvent> getHistory() {
        return List.copyOf(history);
    }
}
