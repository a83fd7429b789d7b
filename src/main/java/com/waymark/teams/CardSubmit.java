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

    /**
     * An input as the older parser read it: null when missing, null or a structure (a hand-made or replayed submit),
     * otherwise its text as sent, blank included, so the domain's validation explains what was wrong with it.
     */
    public String value(String key) {
        JsonNode value = data.get(key);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
