package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The export as chat messages: one JSON attachment when it fits, complete JSON parts when it doesn't. */
class ExportMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSmallExportIsOneJsonAttachment() {
        ObjectNode document = document(3, 100);
        List<Activity> messages = ExportMessages.of(document);
        assertThat(messages).hasSize(1);
        var attachment = messages.get(0).getAttachments().get(0);
        assertThat(attachment.getContentType()).isEqualTo("application/json");
        assertThat(attachment.getName()).isEqualTo("waymark-my-data.json");
        assertThat(attachment.getContent()).isSameAs(document);
        assertThat(messages.get(0).getText()).contains("waymark-my-data.json");
    }

    @Test
    void aLongHistoryIsSplitIntoPartsThatEachFitAndTogetherHoldEverything() {
        ObjectNode document = document(200, 3_000);
        List<ObjectNode> parts = ExportMessages.split(document, ExportMessages.MAX_PART_CHARS);

        assertThat(parts.size()).isGreaterThan(20);
        List<JsonNode> checkIns = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode part = parts.get(i);
            assertThat(part.toString().length()).isLessThanOrEqualTo(ExportMessages.MAX_PART_CHARS);
            assertThat(part.path("part").asInt()).isEqualTo(i + 1);
            assertThat(part.path("of").asInt()).isEqualTo(parts.size());
            assertThat(part.path("exportedAt").asText()).isEqualTo("2026-11-25T09:00:00Z");
            part.path("checkIns").forEach(checkIns::add);
        }
        assertThat(checkIns).containsExactlyElementsOf(document.path("checkIns"));
        assertThat(parts.get(0).path("participant").path("displayName").asText()).isEqualTo("Jo Evans");
        assertThat(parts.stream().filter(p -> p.has("consents")).count()).isOne();

        List<Activity> messages = ExportMessages.of(document);
        assertThat(messages).hasSize(parts.size());
        assertThat(messages.get(1).getAttachments().get(0).getName())
                .isEqualTo("waymark-my-data-part-2-of-" + parts.size() + ".json");
        assertThat(messages.get(1).getText()).contains("part 2 of " + parts.size());
    }

    @Test
    void anItemLargerThanAPartStillGoesOutAlone() {
        ObjectNode document = document(3, 60_000);
        List<ObjectNode> parts = ExportMessages.split(document, ExportMessages.MAX_PART_CHARS);
        int total = parts.stream().mapToInt(p -> p.path("checkIns").size()).sum();
        assertThat(total).isEqualTo(3);
    }

    private static ObjectNode document(int checkIns, int reflectionChars) {
        ObjectNode document = JSON.createObjectNode().put("exportedAt", "2026-11-25T09:00:00Z")
                .put("privacyNoticeVersion", 1);
        document.putObject("participant").put("displayName", "Jo Evans");
        document.putArray("actions");
        ArrayNode list = document.putArray("checkIns");
        for (int i = 0; i < checkIns; i++) {
            list.addObject().put("wellbeing", 1 + i % 5).put("reflection", (i + " ").repeat(reflectionChars / 4));
        }
        document.putArray("consents").addObject().put("noticeVersion", 1);
        return document;
    }
}
