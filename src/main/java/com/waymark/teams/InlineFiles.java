package com.waymark.teams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.TextFormatTypes;

/**
 * A file shown in the chat where it can't be sent as a file: outside Teams' 1:1 chat (the Agents Playground, the
 * emulator, a team chat), which has no file consent card and shows an {@code application/json} attachment as "not
 * supported". Each file goes out as Markdown code blocks, one row or line of it per line, for a person to copy. Teams
 * refuses messages over about 28 KB, so a long file is split into messages that each stay under
 * {@link #MAX_MESSAGE_BYTES}: a JSON document into parts that are each a complete document holding some of the
 * sections (a long list is continued in the next part), a CSV into runs of rows under its header line.
 */
public final class InlineFiles {

    /** The message text as it travels (JSON-escaped, UTF-8), leaving room under Teams' limit for the activity. */
    static final int MAX_MESSAGE_BYTES = 24_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private InlineFiles() {
    }

    /** The data export as JSON code blocks: one message when it fits, complete JSON parts when it doesn't. */
    public static List<Activity> json(String fileName, ObjectNode document) {
        List<ObjectNode> parts = split(document, part -> bytes(message(fileName, part, 99, 99)), MAX_MESSAGE_BYTES);
        List<Activity> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            messages.add(markdown(message(fileName, parts.get(i), i + 1, parts.size())));
        }
        return messages;
    }

    /** A CSV as code blocks, each starting with the header line, so every row stays on a line of its own. */
    public static List<Activity> csv(String fileName, String csv) {
        List<String> lines = csv.replace("\r\n", "\n").strip().lines().toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        String header = lines.get(0);
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>(List.of(header));
        for (String line : lines.subList(1, lines.size())) {
            List<String> longer = new ArrayList<>(run);
            longer.add(line);
            if (run.size() > 1 && bytes(csvMessage(fileName, longer, 99, 99)) > MAX_MESSAGE_BYTES) {
                runs.add(run);
                run = new ArrayList<>(List.of(header, line));
            } else {
                run = longer;
            }
        }
        runs.add(run);
        List<Activity> messages = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            messages.add(markdown(csvMessage(fileName, runs.get(i), i + 1, runs.size())));
        }
        return messages;
    }

    private static String message(String fileName, ObjectNode part, int index, int parts) {
        String intro = parts == 1 ? "Your data export, to keep as " + fileName + ":"
                : "Your data export, part " + index + " of " + parts + " (each part is complete JSON, to keep as "
                        + fileName.replace(".json", "-part-" + index + ".json") + "):";
        return intro + "\n\n" + codeBlock("json", inertJson(part));
    }

    private static String csvMessage(String fileName, List<String> rows, int index, int parts) {
        String intro = parts == 1 ? "The CSV, one figure a line, to copy into a spreadsheet (or keep as " + fileName
                + "):" : "The CSV, part " + index + " of " + parts + ", one figure a line, each part with its header "
                        + "line:";
        return intro + "\n\n" + codeBlock("csv", String.join("\n", rows));
    }

    /**
     * A fenced code block: what is inside is shown as it is, each line on its own. The fence is longer than any run
     * of backticks inside, so nothing in the content can close it early.
     */
    static String codeBlock(String language, String content) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(content);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + content + "\n" + fence;
    }

    /**
     * Pretty JSON in which nothing can be read as Markdown or HTML: backticks and angle brackets (only ever inside
     * strings) are written as JSON's own escapes, so the document stays exactly the same data.
     */
    static String inertJson(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node).replace("`", "\\u0060")
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many bytes a text takes inside an activity: JSON-escaped, in UTF-8. */
    static int bytes(String text) {
        try {
            return JSON.writeValueAsString(text).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Activity markdown(String text) {
        Activity message = MessageFactory.text(text);
        message.setTextFormat(TextFormatTypes.MARKDOWN);
        return message;
    }

    /**
     * Splits the document so each part's {@code size} stays under {@code max}. Scalar fields (when it was made, the
     * notice version) go into every part; sections are kept whole where they fit, and lists are cut between their
     * items. A single item larger than the limit still goes out, alone in its part.
     */
    static List<ObjectNode> split(ObjectNode document, ToIntFunction<ObjectNode> size, int max) {
        if (size.applyAsInt(document) <= max) {
            return List.of(document);
        }
        ObjectNode header = document.objectNode();
        List<Map.Entry<String, JsonNode>> sections = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : document.properties()) {
            if (field.getValue().isContainerNode()) {
                sections.add(field);
            } else {
                header.set(field.getKey(), field.getValue());
            }
        }
        header.put("part", 99).put("of", 99);
        List<ObjectNode> parts = new ArrayList<>();
        ObjectNode current = header.deepCopy();
        for (Map.Entry<String, JsonNode> section : sections) {
            if (!section.getValue().isArray()) {
                ObjectNode tried = current.deepCopy();
                tried.set(section.getKey(), section.getValue());
                if (current.size() > header.size() && size.applyAsInt(tried) > max) {
                    parts.add(current);
                    tried = header.deepCopy();
                    tried.set(section.getKey(), section.getValue());
                }
                current = tried;
                continue;
            }
            ArrayNode list = current.putArray(section.getKey());
            for (JsonNode item : section.getValue()) {
                list.add(item);
                if (list.size() > 1 || current.size() > header.size() + 1) {
                    if (size.applyAsInt(current) > max) {
                        list.remove(list.size() - 1);
                        if (list.isEmpty()) {
                            current.remove(section.getKey());
                        }
                        parts.add(current);
                        current = header.deepCopy();
                        list = current.putArray(section.getKey());
                        list.add(item);
                    }
                }
            }
        }
        parts.add(current);
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).put("part", i + 1).put("of", parts.size());
        }
        return parts;
    }
}
