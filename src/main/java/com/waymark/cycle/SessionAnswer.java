package com.waymark.cycle;

import java.time.Instant;

import com.waymark.privacy.EncryptedText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person's answer to the after-session card: their pulse (optional) and whether they committed to nothing. */
@Entity
@Table(name = "cycle_answer")
class SessionAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private Long sessionId;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    @Column(name = "nothing_this_time", nullable = false)
    private boolean nothingThisTime;

    @Column(name = "said_what_i_thought")
    private Integer saidWhatIThought;

    @Column(name = "worked_on_what_mattered")
    private Integer workedOnWhatMattered;

    @Column(name = "leave_with_something")
    private Integer leaveWithSomething;

    /** Encrypted at rest: the person's own word on the session. */
    @Column(name = "word")
    @Convert(converter = EncryptedText.class)
    private String word;

    protected SessionAnswer() {
    }

    SessionAnswer(long sessionId, long programmeId, long participantId, Instant at, boolean nothingThisTime,
                  Pulse pulse) {
        this.sessionId = sessionId;
        this.programmeId = programmeId;
        this.participantId = participantId;
        this.answeredAt = at;
        this.nothingThisTime = nothingThisTime;
        if (pulse != null) {
            this.saidWhatIThought = pulse.saidWhatIThought();
            this.workedOnWhatMattered = pulse.workedOnWhatMattered();
            this.leaveWithSomething = pulse.leaveWithSomething();
            this.word = pulse.word();
        }
    }

    Long getId() {
        return id;
    }

    Long getSessionId() {
        return sessionId;
    }

    Long getParticipantId() {
        return participantId;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }

    boolean isNothingThisTime() {
        return nothingThisTime;
    }

    boolean hasPulse() {
        return saidWhatIThought != null;
    }

    Pulse pulse() {
        return hasPulse() ? new Pulse(saidWhatIThought, workedOnWhatMattered, leaveWithSomething, word) : null;
    }
}
