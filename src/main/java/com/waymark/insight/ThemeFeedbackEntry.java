package com.waymark.insight;

import java.time.Instant;

import com.waymark.insight.themes.ThemeFeedback;
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

/** One piece of a coach's feedback on their programme's themes, kept in the order it was given. */
@Entity
@Table(name = "theme_feedback")
class ThemeFeedbackEntry {

    enum Kind { RENAME, MERGE, NOT_ABOUT, MORE_LIKE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "programme_id", nullable = false)
    private Long programmeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "theme_id", nullable = false)
    private String themeId;

    /** The new name, or the theme merged into. */
    @Column
    private String target;

    @Column
    @Convert(converter = EncryptedText.class)
    private String example;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ThemeFeedbackEntry() {
    }

    ThemeFeedbackEntry(long programmeId, ThemeFeedback feedback, long coachId, Instant at) {
        this.programmeId = programmeId;
        this.themeId = feedback.themeId();
        this.createdBy = coachId;
        this.createdAt = at;
        if (feedback instanceof ThemeFeedback.Rename rename) {
            kind = Kind.RENAME;
            target = rename.newName();
        } else if (feedback instanceof ThemeFeedback.Merge merge) {
            kind = Kind.MERGE;
            target = merge.intoId();
        } else if (feedback instanceof ThemeFeedback.NotAbout notAbout) {
            kind = Kind.NOT_ABOUT;
            example = notAbout.text();
        } else {
            kind = Kind.MORE_LIKE;
            example = ((ThemeFeedback.MoreLike) feedback).text();
        }
    }

    ThemeFeedback toFeedback() {
        switch (kind) {
            case RENAME:
                return new ThemeFeedback.Rename(themeId, target);
            case MERGE:
                return new ThemeFeedback.Merge(themeId, target);
            case NOT_ABOUT:
                return new ThemeFeedback.NotAbout(example, themeId);
            default:
                return new ThemeFeedback.MoreLike(example, themeId);
        }
    }

    Long getId() {
        return id;
    }
}
