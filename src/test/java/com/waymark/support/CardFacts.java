package com.waymark.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a card's figures the way a person does: each fact's title and the value beside it. */
public final class CardFacts {

    private CardFacts() {
    }

    /** Every fact of every FactSet on the card, however deep in containers and columns, title to value. */
    public static Map<String, String> of(JsonNode card) {
        Map<String, String> facts = new LinkedHashMap<>();
        card.findValues("facts").forEach(set -> set.forEach(f -> facts.put(f.path("title").asText(),
                f.path("value").asText())));
        return facts;
    }
}
