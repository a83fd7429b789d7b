package com.waymark.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** Validates Adaptive Cards against the official 1.5 schema, the version Teams renders. */
public final class CardSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private CardSchema() {
    }

    public static void assertValid(JsonNode card) {
        Set<ValidationMessage> problems = SCHEMA.validate(card);
        assertThat(problems).as("Adaptive Card 1.5 schema violations in %s", card).isEmpty();
        assertThat(card.path("version").asText()).isEqualTo("1.5");
    }

    /**
     * Validates a card as a client without chart support renders it: every {@code Chart.*} element replaced by
     * its fallback, which must be there. The 1.5 schema predates the Teams chart elements.
     */
    public static void assertValidWithChartFallbacks(JsonNode card) {
        JsonNode copy = card.deepCopy();
        replaceCharts(copy);
        assertValid(copy);
    }

    private static void replaceCharts(JsonNode node) {
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.path("type").asText().startsWith("Chart.")) {
                    assertThat(element.path("fallback").isObject()).as("fallback of %s", element).isTrue();
                    array.set(i, element.path("fallback"));
                }
                replaceCharts(array.get(i));
            }
        } else if (node.isObject()) {
            node.forEach(CardSchema::replaceCharts);
        }
    }

    /** Validates every Adaptive Card attached to a sent activity; returns how many it found. */
    public static int assertCardsValid(JsonNode activity) {
        int count = 0;
        for (JsonNode attachment : activity.path("attachments")) {
            if ("application/vnd.microsoft.card.adaptive".equals(attachment.path("contentType").asText())) {
                assertValid(attachment.path("content"));
                count++;
            }
        }
        return count;
    }

    private static JsonSchema load() {
        try (InputStream in = CardSchema.class.getResourceAsStream("/schemas/adaptive-card-1.5.schema.json")) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // Draft-04-style "id" is rejected by the draft-06 meta-schema: it is the schema's $id.
            schema.set("$id", schema.remove("id"));
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
