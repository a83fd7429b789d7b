package com.waymark.cycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;

/**
 * Teams' meeting-end event as Teams sends it ({@code teams/meeting-end.json}, the documented payload), for another
 * meeting thread, from a person in it, pointed at the connector stub.
 */
final class MeetingEndEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE_THREAD = "19:meeting_NTM3ZDJjOTUtZGRhOS00MzYxLTk5NDAtMzY4M2IzZWFjZGE1@thread.v2";

    private MeetingEndEvent() {
    }

    /** A new meeting thread, as Teams names them. */
    static String thread() {
        return "19:meeting_" + UUID.randomUUID().toString().replace("-", "") + "@thread.v2";
    }

    /** The meeting's join link, as Teams writes it (the thread encoded in the path). */
    static String joinUrl(String thread) {
        return "https://teams.microsoft.com/l/meetup-join/" + encoded(thread)
                + "/0?context=%7b%22Tid%22%3a%22" + TeamsClient.TENANT + "%22%7d";
    }

    /** The event for {@code thread}, from {@code sender}, with an activity id of its own. */
    static ObjectNode of(String thread, String serviceUrl, Chat.Person sender) {
        String text;
        try (InputStream in = MeetingEndEvent.class.getResourceAsStream("/teams/meeting-end.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = text.replace(FIXTURE_THREAD, thread).replace(encoded(FIXTURE_THREAD), encoded(thread))
                    .replace("SERVICE_URL", serviceUrl).replace("TENANT_ID", TeamsClient.TENANT);
            ObjectNode event = (ObjectNode) JSON.readTree(text);
            event.put("id", "meeting-end-" + UUID.randomUUID());
            ((ObjectNode) event.path("from")).put("id", sender.userId()).put("aadObjectId", sender.aadObjectId());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encoded(String thread) {
        return thread.replace(":", "%3a").replace("@", "%40");
    }
}
