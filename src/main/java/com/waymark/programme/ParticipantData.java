package com.waymark.programme;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.waymark.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** The person's own row: who Teams says they are and how we reach them. Erased last, after all that points at it. */
@Component
class ParticipantData implements PersonalDataHolder {

    /** The participant row without its internal id and lookup key, which mean nothing outside Waymark. */
    record Profile(String displayName, String teamsUserId, String aadObjectId, String tenantId, String timeZone,
                   boolean reachable, String currentProgramme, Instant welcomedAt, Instant firstSeenAt,
                   Instant updatedAt, JsonNode teamsConversationReference) {
    }

    private final ParticipantRepository participants;
    private final ProgrammeRepository programmes;
    private final ObjectMapper json;

    ParticipantData(ParticipantRepository participants, ProgrammeRepository programmes, ObjectMapper json) {
        this.participants = participants;
        this.programmes = programmes;
        this.json = json;
    }

    @Override
    public String name() {
        return "participant";
    }

    @Override
    public int order() {
        return IDENTITY;
    }

    @Override
    public Profile export(long participantId) {
        return participants.findById(participantId).map(p -> new Profile(p.getDisplayName(), p.getTeamsUserId(),
                p.getAadObjectId(), p.getTenantId(), p.getTimeZone(), p.isReachable(),
                p.getCurrentProgrammeId() == null ? null
                        : programmes.findById(p.getCurrentProgrammeId()).map(Programme::getName).orElse(null),
                p.getWelcomedAt(), p.getCreatedAt(), p.getUpdatedAt(), reference(p.getConversationReference())))
                .orElse(null);
    }

    @Override
    public int erase(long participantId) {
        return participants.deleteWithId(participantId);
    }

    /** Stored as the edge serialised it; shown as JSON when it is JSON, else as the text it is. */
    private JsonNode reference(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(stored);
        }
    }
}
