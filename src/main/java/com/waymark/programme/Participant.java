package com.waymark.programme;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who talks to Waymark in their 1:1 chat: identity, time zone and where to reach them. */
@Entity
@Table(name = "participant")
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "identity_key", nullable = false)
    private String identityKey;

    @Column(name = "teams_user_id", nullable = false)
    private String teamsUserId;

    @Column(name = "aad_object_id")
    private String aadObjectId;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    /** Opaque to the domain: the edge serialises its conversation reference here for proactive sends. */
    @Column(name = "conversation_reference")
    private String conversationReference;

    @Column(nullable = false)
    private boolean reachable = true;

    @Column(name = "current_programme_id")
    private Long currentProgrammeId;

    @Column(name = "welcomed_at")
    private Instant welcomedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Participant() {
    }

    Participant(TeamsIdentity identity, String timeZone, Instant now) {
        this.tenantId = identity.tenantOrBlank();
        this.identityKey = identity.identityKey();
        this.teamsUserId = identity.userId();
        this.timeZone = timeZone;
        this.createdAt = now;
        this.updatedAt = now;
        refreshFrom(identity, null, now);
    }

    /** Keeps name, ids and (when the client sends one) time zone current; returns true when anything changed. */
    boolean refreshFrom(TeamsIdentity identity, String validTimeZone, Instant now) {
        boolean changed = false;
        if (identity.name() != null && !identity.name().isBlank() && !identity.name().equals(displayName)) {
            displayName = identity.name();
            changed = true;
        }
        if (identity.aadObjectId() != null && !identity.aadObjectId().equals(aadObjectId)) {
            aadObjectId = identity.aadObjectId();
            changed = true;
        }
        if (identity.userId() != null && !identity.userId().equals(teamsUserId)) {
            teamsUserId = identity.userId();
            changed = true;
        }
        if (validTimeZone != null && !validTimeZone.equals(timeZone)) {
            timeZone = validTimeZone;
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** The column's size. A Teams reference takes a few hundred characters; a longer one did not come from Teams. */
    static final int MAX_REFERENCE_CHARS = 4000;

    void rememberConversation(String reference, Instant now) {
        if (reference != null && reference.length() <= MAX_REFERENCE_CHARS && !reference.equals(conversationReference)) {
            conversationReference = reference;
            reachable = true;
            updatedAt = now;
        }
    }

    void useProgramme(Long programmeId) {
        currentProgrammeId = programmeId;
    }

    void markUnreachable(Instant now) {
        reachable = false;
        updatedAt = now;
    }

    void markWelcomed(Instant now) {
        welcomedAt = now;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getTeamsUserId() {
        return teamsUserId;
    }

    public String getAadObjectId() {
        return aadObjectId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getConversationReference() {
        return conversationReference;
    }

    public boolean isReachable() {
        return reachable;
    }

    public Instant getWelcomedAt() {
        return welcomedAt;
    }

    public Long getCurrentProgrammeId() {
        return currentProgrammeId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** What other modules may know of them: a value, without the conversation reference only the edge reads. */
    public ParticipantInfo info() {
        return new ParticipantInfo(id, tenantId, displayName, aadObjectId, timeZone, reachable,
                conversationReference != null);
    }
}
