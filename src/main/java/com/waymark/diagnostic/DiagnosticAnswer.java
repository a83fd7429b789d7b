package com.waymark.diagnostic;

import java.time.Instant;

import com.waymark.privacy.EncryptedText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One answer to one diagnostic question, or the fact that it was skipped (no text). */
@Entity
@Table(name = "diagnostic_answer")
class DiagnosticAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "diagnostic_id", nullable = false)
    private Long diagnosticId;

    @Column(name = "question_id", nullable = false)
    private String questionId;

    /** Encrypted at rest (AES-GCM): the person's own words; null when they skipped the question. */
    @Column
    @Convert(converter = EncryptedText.class)
    private String answer;

    @Column(name = "quote_ok", nullable = false)
    private boolean quoteOk;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected DiagnosticAnswer() {
    }

    DiagnosticAnswer(long diagnosticId, String questionId, String answer, boolean quoteOk, Instant answeredAt) {
        this.diagnosticId = diagnosticId;
        this.questionId = questionId;
        this.answer = answer;
        this.quoteOk = answer != null && quoteOk;
        this.answeredAt = answeredAt;
    }

    Long getId() {
        return id;
    }

    Long getDiagnosticId() {
        return diagnosticId;
    }

    String getQuestionId() {
        return questionId;
    }

    String getAnswer() {
        return answer;
    }

    boolean isQuoteOk() {
        return quoteOk;
    }

    Instant getAnsweredAt() {
        return answeredAt;
    }
}
