package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;

/**
 * The data export as chat messages, each carrying JSON as an {@code application/json} attachment. Without
 * the file-consent flow a bot can't send a file in Teams, so the JSON travels inline; Teams refuses messages
 * over about 28 KB, so a long history is split into parts, each a complete JSON document holding some of the
 * sections (a long list is continued in the next part).
 */
final class ExportMessages {

    static final String CONTENT_TYPE = "application/json";
    /** Leaves room under Teams' message limit for the activity around the attachment. */
    static final int MAX_PART_CHARS = 20_000;

    private ExportMessages() {
    }

    static List<Activity> of(ObjectNode document) {
        List<ObjectNode> parts = split(document, MAX_PART_CHARS);
        List<Activity> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String name = parts.size() == 1 ? "waymark-my-data.json"
                    : "waymark-my-data-part-" + (i + 1) + "-of-" + parts.size() + ".json";
            Attachment attachment = new Attachment();
            attachment.setContentType(CONTENT_TYPE);
            attachment.setName(name);
            attachment.setContent(parts.get(i));
            messages.add(MessageFactory.attachment(attachment, parts.size() == 1 ? "Your data export (" + name + "):"
                    : "Your data export, part " + (i + 1) + " of " + parts.size() + " (" + name + "):"));
        }
        return messages;
    }

    /**
     * Splits the document so each part's JSON stays under {@code maxChars}. Scalar fields (when it was made,
     * the notice version) go into every part; sections are kept whole where they fit, and lists are cut
     * between their items. A single item larger than the limit still goes out, alone in its part.
     */
    static List<ObjectNode> split(ObjectNode document, int maxChars) {
        if (document.toString().length() <= maxChars) {
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
        List<ObjectNode> parts = new ArrayList<>();
        ObjectNode current = header.deepCopy();
        for (Map.Entry<String, JsonNode> section : sections) {
            if (!section.getValue().isArray()) {
                current = placed(current, header, parts, maxChars, section.getValue().toString().length());
                current.set(section.getKey(), section.getValue());
                continue;
            }
            ArrayNode list = null;
            for (JsonNode item : section.getValue()) {
                ObjectNode before = current;
                int size = item.toString().length() + section.getKey().length() + 8;
                current = placed(current, header, parts, maxChars, size);
                if (list == null || current != before) {
                    list = current.putArray(section.getKey());
                }
                list.add(item);
            }
            if (list == null) {
                current.putArray(section.getKey());
            }
        }
        parts.add(current);
        for (int i = 0; i < parts.size(); i++) {
            parts.get(i).put("part", i + 1).put("of", parts.size());
        }
        return parts;
    }

    /** The part to add {@code extraChars} to: the current one if it fits, else a fresh one (the current is kept). */
    private static ObjectNode placed(ObjectNode current, ObjectNode header, List<ObjectNode> parts, int maxChars,
                                     int extraChars) {
        boolean hasContent = current.size() > header.size();
        if (hasContent && current.toString().length() + extraChars + 32 > maxChars) {
            parts.add(current);
            return header.deepCopy();
        }
        return current;
    }
}
