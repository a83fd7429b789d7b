package com.waymark.schedule;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a check-in prompt or reminder carries to the edge: which programme it is about (every message
 * says), which prompt, which occurrence the answer belongs to, and when it closes.
 */
public record OccurrencePayload(long occurrenceId, long programmeId, String programmeName, String promptId,
                                Instant closesAt, String timeZone) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static OccurrencePayload fromJson(String json) {
        try {
            return JSON.readValue(json, OccurrencePayload.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not an occurrence payload", e);
        }
    }

    static Long occurrenceId(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.path("occurrenceId").isNumber() ? node.path("occurrenceId").asLong() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
