package com.waymark.checkin;

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
 * One answered check-in: two ratings, the prompt it answered, and the participant's own words. Read through JPA;
 * written by {@link CheckInService} in one plain statement (and by {@link PastEntries} for seeded history).
 */
@Entity
@Table(name = "check_in")
class CheckIn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(nullable = false)
    private short wellbeing;

    @Column(nullable = false)
    private short energy;

    @Column(name = "prompt_id")
    private String promptId;

    /** Encrypted at rest (AES-GCM): the participant's own words. */
    @Column
    @Convert(converter = EncryptedText.class)
    private String reflection;

    @Column(name = "quote_ok", nullable = false)
    private boolean quoteOk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckInSubmission.Source source;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** The programme this check-in is about; null for one made outside any programme. */
    @Column(name = "programme_id")
    private Long programmeId;

    @Column(name = "occurrence_id")
    private Long occurrenceId;

    protected CheckIn() {
    }

    public Long getId() {
        return id;
    }

    public Long getParticipantId() {
        return participantId;
    }

    public int getWellbeing() {
        return wellbeing;
    }

    public int getEnergy() {
        return energy;
    }

    public String getPromptId() {
        return promptId;
    }

    public String getReflection() {
        return reflection;
    }

    public boolean isQuoteOk() {
        return quoteOk;
    }

    public CheckInSubmission.Source getSource() {
        return source;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public Long getOccurrenceId() {
        return occurrenceId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
