package com.waymark.privacy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** One read of an aggregate by a member of a coaching team, and the people whose data it combined. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "actor_id")
    private Long actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReadKind kind;

    @Column(name = "programme_id")
    private Long programmeId;

    @Column(name = "people_included", nullable = false)
    private int peopleIncluded;

    @Column(nullable = false)
    private Instant at;

    @ElementCollection
    @CollectionTable(name = "audit_subject", joinColumns = @JoinColumn(name = "audit_event_id"))
    @Column(name = "participant_id")
    private Set<Long> subjects = new HashSet<>();

    protected AuditEvent() {
    }

    AuditEvent(long actorId, ReadKind kind, Long programmeId, Set<Long> subjects, Instant at) {
        this.actorId = actorId;
        this.kind = kind;
        this.programmeId = programmeId;
        this.subjects = new HashSet<>(subjects);
        this.peopleIncluded = subjects.size();
        this.at = at;
    }

    AuditEntry toEntry(NameDirectory names) {
        return new AuditEntry(at, kind, kind.label(),
                programmeId == null ? null : names.programmeName(programmeId).orElse("a programme since closed"),
                actorId == null ? null : names.personName(actorId).orElse("a coach"), peopleIncluded);
    }

    Long getId() {
        return id;
    }
}
