package com.waymark.privacy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One consent given to one version of the notice; withdrawal closes it, history is kept. */
@Entity
@Table(name = "consent_record")
class ConsentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "participant_id", nullable = false)
    private Long participantId;

    @Column(name = "notice_version", nullable = false)
    private int noticeVersion;

    @Column(name = "given_at", nullable = false)
    private Instant givenAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected ConsentRecord() {
    }

    ConsentRecord(long participantId, int noticeVersion, Instant givenAt) {
        this.participantId = participantId;
        this.noticeVersion = noticeVersion;
        this.givenAt = givenAt;
    }

    int getNoticeVersion() {
        return noticeVersion;
    }

    Instant getGivenAt() {
        return givenAt;
    }

    Instant getWithdrawnAt() {
        return withdrawnAt;
    }
}
