package com.waymark.checkin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A dated change to an action: the history that action-plan progress is measured from. */
@Entity
@Table(name = "action_event")
class ActionEvent {

    /** PARTLY and NOT_YET: how an action went, said in a check-in between coaching sessions (nothing else changes). */
    public enum Type { CREATED, BLOCKED, DONE, PARTLY, NOT_YET }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "action_id")
    private ActionItem action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Type type;

    @Column(nullable = false)
    private Instant at;

    protected ActionEvent() {
    }

    ActionEvent(ActionItem action, Type type, Instant at) {
        this.action = action;
        this.type = type;
        this.at = at;
    }

    public Type getType() {
        return type;
    }

    public Instant getAt() {
        return at;
    }
}
