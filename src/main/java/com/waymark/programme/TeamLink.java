package com.waymark.programme;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Teams team or group chat the bot is in, and the programme a coach linked it to by running "enrol". */
@Entity
@Table(name = "team_link")
class TeamLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private String conversationId;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(name = "service_url", nullable = false)
    private String serviceUrl;

    @Column
    private String name;

    @Column(name = "programme_id")
    private Long programmeId;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    protected TeamLink() {
    }

    TeamLink(TeamConversation conversation, Instant now) {
        this.conversationId = conversation.conversationId();
        this.addedAt = now;
        refresh(conversation);
    }

    void refresh(TeamConversation conversation) {
        if (conversation.teamId() != null) {
            teamId = conversation.teamId();
        }
        if (conversation.name() != null) {
            name = conversation.name();
        }
        tenantId = conversation.tenantId() == null ? "" : conversation.tenantId();
        serviceUrl = conversation.serviceUrl();
        active = true;
        removedAt = null;
    }

    void linkTo(long programme) {
        programmeId = programme;
    }

    void deactivate(Instant now) {
        active = false;
        removedAt = now;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getTeamId() {
        return teamId;
    }

    public String getName() {
        return name;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public boolean isActive() {
        return active;
    }
}
