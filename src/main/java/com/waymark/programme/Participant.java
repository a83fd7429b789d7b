package com.waymark.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

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

    /**
     * The person as read by plain JDBC ({@link ParticipantService#recognise}'s common case): a detached copy, the same
     * as one Hibernate loaded in a transaction that has ended.
     */
    static Participant read(ResultSet row) throws SQLException {
        Participant p = new Participant();
        p.id = row.getLong("id");
        p.tenantId = row.getString("tenant_id");
        p.identityKey = row.getString("identity_key");
        p.teamsUserId = row.getString("teams_user_id");
        p.aadObjectId = row.getString("aad_object_id");
        p.displayName = row.getString("display_name");
        p.timeZone = row.getString("time_zone");
        p.conversationReference = row.getString("conversation_reference");
        p.reachable = row.getBoolean("reachable");
        long current = row.getLong("current_programme_id");
        p.currentProgrammeId = row.wasNull() ? null : current;
        p.welcomedAt = instant(row, "welcomed_at");
        p.createdAt = instant(row, "created_at");
        p.updatedAt = instant(row, "updated_at");
        return p;
    }

    /** Every column {@link #read} reads, for the statement that selects them. */
    static final String COLUMNS = "id, tenant_id, identity_key, teams_user_id, aad_object_id, display_name, time_zone, "
            + "conversation_reference, reachable, current_programme_id, welcomed_at, created_at, updated_at";

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
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

    /** Keeps the 1:1 conversation reference the edge serialised; returns true when it changed. */
    boolean rememberConversation(String reference, Instant now) {
        if (reference != null && reference.length() <= MAX_REFERENCE_CHARS && !reference.equals(conversationReference)) {
            conversationReference = reference;
            reachable = true;
            updatedAt = now;
            return true;
        }
        return false;
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
