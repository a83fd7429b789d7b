package com.waymark.support;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a card the way a person uses it: the value behind the option they would pick in a choice set. */
public final class CardChoices {

    private CardChoices() {
    }

    /** The value of the first option of input {@code inputId} whose title starts with {@code title}. */
    public static String valueOf(JsonNode card, String inputId, String title) {
        for (JsonNode element : card.path("body")) {
            if (inputId.equals(element.path("id").asText())) {
                for (JsonNode choice : element.path("choices")) {
                    if (choice.path("title").asText().startsWith(title)) {
                        return choice.path("value").asText();
                    }
                }
            }
        }
        throw new AssertionError("no option \"" + title + "\" in " + inputId + " of " + card);
    }
}
