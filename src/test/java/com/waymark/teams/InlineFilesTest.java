package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files shown in the chat where they can't be sent as files: JSON and CSV in Markdown code blocks, each line on a line
 * of its own, every message under Teams' size limit, and together exactly the file.
 */
class InlineFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(?s)(`{3,})(json|csv)\\n(.*)\\n\\1$");

    @Test
    void aSmallExportIsOneJsonCodeBlockThatReadsBackAsTheDocument() throws Exception {
        ObjectNode document = document(3, 100);
        List<Activity> messages = InlineFiles.json("waymark-my-data-2026-11-25.json", document);
        assertThat(messages).hasSize(1);
        Activity message = messages.get(0);
        assertThat(message.getAttachments()).isNullOrEmpty();
        assertThat(message.getTextFormat()).hasToString("markdown");
        assertThat(message.getText()).startsWith("Your data export, to keep as waymark-my-data-2026-11-25.json:");
        assertThat(JSON.readTree(code(message, "json"))).isEqualTo(document);
        assertThat(code(message, "json").lines().count()).as("pretty: one field a line").isGreaterThan(10);
    }

    @Test
    void aLongHistoryIsSplitIntoCompleteJsonPartsThatEachFitAndTogetherHoldEverything() throws Exception {
        ObjectNode document = document(200, 3_000);
        List<Activity> messages = InlineFiles.json("waymark-my-data-2026-11-25.json", document);

        assertThat(messages.size()).isGreaterThan(20);
        List<JsonNode> checkIns = new ArrayList<>();
        int withConsents = 0;
        for (int i = 0; i < messages.size(); i++) {
            Activity message = messages.get(i);
            assertThat(InlineFiles.bytes(message.getText())).isLessThanOrEqualTo(InlineFiles.MAX_MESSAGE_BYTES);
            assertThat(com.microsoft.bot.schema.Serialization.toString(message).length()).as("the whole activity, under Teams' 28 KB")
                    .isLessThan(28_000);
            assertThat(message.getText()).contains("part " + (i + 1) + " of " + messages.size());
            JsonNode part = JSON.readTree(code(message, "json"));
            assertThat(part.path("part").asInt()).isEqualTo(i + 1);
            assertThat(part.path("of").asInt()).isEqualTo(messages.size());
            assertThat(part.path("exportedAt").asText()).isEqualTo("2026-11-25T09:00:00Z");
            part.path("checkIns").forEach(checkIns::add);
            withConsents += part.has("consents") ? 1 : 0;
        }
        assertThat(checkIns).containsExactlyElementsOf(document.path("checkIns"));
        assertThat(withConsents).isOne();
        assertThat(JSON.readTree(code(messages.get(0), "json")).path("participant").path("displayName").asText())
                .isEqualTo("Jo Evans");
    }

    @Test
    void anItemLargerThanAPartStillGoesOutAlone() {
        ObjectNode document = document(3, 60_000);
        List<ObjectNode> parts = InlineFiles.split(document, p -> p.toString().length(), 20_000);
        assertThat(parts.stream().mapToInt(p -> p.path("checkIns").size()).sum()).isEqualTo(3);
    }

    @Test
    void nothingInTheDataCanCloseTheCodeBlockOrBeReadAsHtml() throws Exception {
        ObjectNode document = document(1, 10);
        ((ObjectNode) document.path("checkIns").path(0)).put("reflection", "```\n<b>bold</b> & `tick`\n```");
        String text = InlineFiles.json("waymark-my-data-2026-11-25.json", document).get(0).getText();
        String code = code(InlineFiles.json("x.json", document).get(0), "json");
        assertThat(code).doesNotContain("`").doesNotContain("<").doesNotContain(">");
        assertThat(text.chars().filter(c -> c == '`').count()).as("only the two fences").isEqualTo(6);
        assertThat(JSON.readTree(code)).as("the same data").isEqualTo(document);
    }

    @Test
    void aCsvIsACodeBlockWithEveryRowOnItsOwnLine() {
        String csv = "programme,period_from,period_to,section,figure,value\r\n"
                + "North Ridge,2026-11-12,2026-11-25,participation,people enrolled,12\r\n"
                + "North Ridge,2026-11-12,2026-11-25,wellbeing,mean wellbeing (1-5),3.4\r\n";
        List<Activity> messages = InlineFiles.csv("waymark-export-2026-11-25.csv", csv);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getTextFormat()).hasToString("markdown");
        assertThat(code(messages.get(0), "csv").lines().toList()).containsExactly(
                "programme,period_from,period_to,section,figure,value",
                "North Ridge,2026-11-12,2026-11-25,participation,people enrolled,12",
                "North Ridge,2026-11-12,2026-11-25,wellbeing,mean wellbeing (1-5),3.4");
        assertThat(InlineFiles.codeBlock("csv", "a ``` b")).startsWith("````csv\n").endsWith("\n````");
    }

    @Test
    void aLongCsvIsSplitIntoRunsOfRowsEachUnderItsHeaderLine() {
        StringBuilder csv = new StringBuilder("programme,period_from,period_to,section,figure,value\r\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("North Ridge,2026-11-12,2026-11-25,themes,theme ").append(i).append(" (people),7\r\n");
        }
        List<Activity> messages = InlineFiles.csv("waymark-export-2026-11-25.csv", csv.toString());
        assertThat(messages.size()).isGreaterThan(2);
        List<String> rows = new ArrayList<>();
        for (Activity message : messages) {
            assertThat(InlineFiles.bytes(message.getText())).isLessThanOrEqualTo(InlineFiles.MAX_MESSAGE_BYTES);
            List<String> lines = code(message, "csv").lines().toList();
            assertThat(lines.get(0)).isEqualTo("programme,period_from,period_to,section,figure,value");
            rows.addAll(lines.subList(1, lines.size()));
        }
        assertThat(rows).hasSize(2_000).startsWith("North Ridge,2026-11-12,2026-11-25,themes,theme 0 (people),7");
    }

    /** What is inside the message's one code block. */
    static String code(Activity message, String language) {
        String text = message.getText();
        Matcher m = CODE.matcher(text.substring(text.indexOf("\n\n") + 2));
        assertThat(m.matches()).as("one %s code block after the intro line", language).isTrue();
        assertThat(m.group(2)).isEqualTo(language);
        return m.group(3);
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
