package com.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The data export as "my data" shows it outside Teams' own 1:1 chat: JSON in a Markdown code block. */
public final class ExportedJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportedJson() {
    }

    /** The document in the first reply that holds one (a short export is one message). */
    public static JsonNode of(List<JsonNode> replies) {
        for (JsonNode reply : replies) {
            String text = reply.path("text").asText("");
            int start = text.indexOf("```json\n");
            if (start >= 0) {
                try {
                    return JSON.readTree(text.substring(start + 8, text.lastIndexOf("\n```")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no JSON code block in " + replies);
    }
}
