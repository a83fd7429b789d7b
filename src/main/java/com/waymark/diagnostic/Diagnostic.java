package com.waymark.diagnostic;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person's diagnostic in one programme: which question they are on, and whether they have finished. */
@Entity
@Table(name = "diagnostic")
class Diagnostic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    /** The question they are on, counted from 0; equal to the number of questions once they have finished. */
    @Column(nullable = false)
    private int position;

    /** Offered after the programme's first session had already been held (they joined late). */
    @Column(name = "after_first_session", nullable = false)
    private boolean afterFirstSession;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Diagnostic() {
    }

    Diagnostic(long participantId, long programmeId, boolean afterFirstSession, Instant startedAt) {
        this.participantId = participantId;
        this.programmeId = programmeId;
        this.afterFirstSession = afterFirstSession;
        this.startedAt = startedAt;
    }

    /** Moves on past the current question; returns whether that was the last one. */
    boolean moveOn(Instant now) {
        position++;
        if (position >= DiagnosticQuestions.count()) {
            position = DiagnosticQuestions.count();
            finishedAt = now;
            return true;
        }
        return false;
    }

    boolean finished() {
        return finishedAt != null;
    }

    Long getId() {
        return id;
    }

    Long getParticipantId() {
        return participantId;
    }

    Long getProgrammeId() {
        return programmeId;
    }

    int getPosition() {
        return position;
    }

    boolean isAfterFirstSession() {
        return afterFirstSession;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }
}
