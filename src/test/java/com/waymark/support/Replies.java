package com.waymark.support;

import java.util.AbstractList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the bot answered to one activity (an expectReplies turn), readable the way a person reads it: the
 * text of the messages and the last card. It is a list of the reply activities, so older helpers that take
 * {@code List<JsonNode>} keep working on it.
 */
public final class Replies extends AbstractList<JsonNode> {

    private final int status;
    private final List<JsonNode> activities;

    public Replies(int status, List<JsonNode> activities) {
        this.status = status;
        this.activities = List.copyOf(activities);
    }

    /** The HTTP status of the answer (200 for a turn that ran). */
    public int status() {
        return status;
    }

    @Override
    public JsonNode get(int index) {
        return activities.get(index);
    }

    @Override
    public int size() {
        return activities.size();
    }

    /** The text of every reply, one a line, in the order they were sent. */
    public String text() {
        return text(activities);
    }

    /** What a person sees, one reply a line: a message's text, or for a card (which has none) the whole activity. */
    public String shown() {
        return String.join("\n", activities.stream().map(r -> r.path("text").asText("").isEmpty() ? r.toString()
                : r.path("text").asText()).toList());
    }

    /** The content of the last card among the replies, checked against the Adaptive Card schema first. */
    public JsonNode card() {
        return cardOf(activities);
    }

    /** The value behind the option titled {@code title} of input {@code inputId} on the last card. */
    public String choice(String inputId, String title) {
        return CardChoices.valueOf(card(), inputId, title);
    }

    /** The {@code data} of the card's action number {@code index} (its top-level actions). */
    public JsonNode actionData(int index) {
        return card().path("actions").path(index).path("data");
    }

    public static String text(List<JsonNode> replies) {
        return String.join("\n", replies.stream().map(r -> r.path("text").asText("")).toList());
    }

    public static JsonNode cardOf(List<JsonNode> replies) {
        JsonNode reply = replies.stream().filter(r -> r.path("attachments").size() > 0).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no card in " + replies));
        CardSchema.assertCardsValid(reply);
        return reply.path("attachments").path(0).path("content");
    }
}
