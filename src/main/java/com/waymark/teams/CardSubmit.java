package com.waymark.teams;

import com.fasterxml.jackson.databind.JsonNode;

/** A card's submit as a slice reads it: the {@code action} it names and the inputs that came with it. */
public record CardSubmit(String action, JsonNode data) {

    /** An input's value as typed, or null when it is missing or empty. */
    public String text(String key) {
        JsonNode value = data.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.isBlank() ? null : text;
    }
}
