package com.waymark.teams;

import java.io.IOException;
import java.util.IllformedLocaleException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Serialization;

/**
 * Turns a request body into an SDK {@link Activity}, or says precisely why it can't. We parse it ourselves
 * (not through Spring's message converters) so that malformed input is a 400 with a reason, and so that
 * {@code value} stays a Jackson tree, which the SDK's invoke handling requires.
 */
final class InboundActivityReader {

    /** A body we refuse, with a reason safe to return to the caller. */
    static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason);
        }
    }

    private InboundActivityReader() {
    }

    /** The participant table's columns for these ids (V1): generous for what Teams sends. */
    private static final int MAX_USER_ID = 200;
    private static final int MAX_GUID_LIKE = 64;

    static Activity read(String body) throws Malformed {
        JsonNode tree;
        try {
            tree = Serialization.jsonToTree(body);
        } catch (IOException | RuntimeException e) {
            throw new Malformed("The body is not valid JSON.");
        }
        if (tree == null || !tree.isObject()) {
            throw new Malformed("An activity must be a JSON object.");
        }
        if (!tree.path("type").isTextual() || tree.path("type").asText().isBlank()) {
            throw new Malformed("The activity has no type.");
        }
        Activity activity;
        try {
            activity = Serialization.treeToValue(tree, Activity.class);
        } catch (RuntimeException e) {
            throw new Malformed("The activity does not have the Bot Framework shape.");
        }
        if (activity == null) {
            throw new Malformed("The activity does not have the Bot Framework shape.");
        }
        if (activity.getServiceUrl() == null || activity.getServiceUrl().isBlank()) {
            throw new Malformed("The activity has no serviceUrl, so there is nowhere to reply to.");
        }
        if (activity.getConversation() == null || activity.getConversation().getId() == null
                || activity.getConversation().getId().isBlank()) {
            throw new Malformed("The activity has no conversation id, so there is no chat to answer in.");
        }
        if (!idsFit(activity, tree)) {
            throw new Malformed("The sender's or tenant's ids are longer than Teams sends.");
        }
        if (activity.getLocale() != null && !wellFormedLocale(activity.getLocale())) {
            activity.setLocale(null); // Teams sends BCP 47 tags; anything else is noise we need not keep
        }
        JsonNode value = tree.get("value");
        activity.setValue(value == null || value.isNull() ? null : value);
        return activity;
    }

    /**
     * Teams' ids have known shapes: an Entra object id or a tenant id is a GUID, a user id a short prefixed string.
     * Ids far longer than that are not from Teams, and a person can't be recorded under them (the columns fit what
     * Teams sends), so they are refused here rather than failing the turn.
     */
    private static boolean idsFit(Activity activity, JsonNode tree) {
        ChannelAccount from = activity.getFrom();
        JsonNode channelDataTenant = tree.path("channelData").path("tenant").path("id");
        return (from == null || fits(from.getId(), MAX_USER_ID) && fits(from.getAadObjectId(), MAX_GUID_LIKE))
                && fits(activity.getConversation().getTenantId(), MAX_GUID_LIKE)
                // Read from the tree already parsed: channelData would otherwise be serialised again per request.
                && fits(channelDataTenant.isTextual() ? channelDataTenant.asText() : null, MAX_GUID_LIKE);
    }

    private static boolean fits(String value, int max) {
        return value == null || value.length() <= max;
    }

    private static boolean wellFormedLocale(String tag) {
        try {
            new Locale.Builder().setLanguageTag(tag).build();
            return tag.length() <= 64;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
