package com.waymark.teams;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Serialization;
import com.waymark.programme.TeamConversation;
import com.waymark.programme.TeamsIdentity;

/** Reads the plain facts we need out of an SDK activity, tolerating the fields real clients leave out. */
final class TurnFacts {

    private TurnFacts() {
    }

    static TeamsIdentity identity(Activity activity) {
        ChannelAccount from = activity.getFrom();
        return new TeamsIdentity(tenantId(activity), from == null ? null : from.getId(),
                from == null ? null : from.getAadObjectId(), from == null ? null : from.getName(), timeZone(activity));
    }

    static TeamsIdentity identity(Activity activity, ChannelAccount member) {
        return new TeamsIdentity(tenantId(activity), member.getId(), member.getAadObjectId(), member.getName(),
                timeZone(activity));
    }

    static boolean hasSender(Activity activity) {
        return activity.getFrom() != null && activity.getFrom().getId() != null && !activity.getFrom().getId().isBlank();
    }

    /** Personal (1:1) chats are where check-ins live; Teams marks them, other channels may not. */
    static boolean isPersonal(Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        String type = conversation == null ? null : conversation.getConversationType();
        return type == null || "personal".equals(type);
    }

    static boolean isBot(Activity activity, ChannelAccount member) {
        return activity.getRecipient() != null && member.getId() != null
                && member.getId().equals(activity.getRecipient().getId());
    }

    /** A team channel or group chat as the programme module knows it. */
    static TeamConversation teamConversation(Activity activity) {
        JsonNode channelData = activity.getChannelData() == null ? null
                : Serialization.objectToTree(activity.getChannelData());
        JsonNode team = channelData == null ? null : channelData.path("team");
        String teamId = team != null && team.path("id").isTextual() ? team.path("id").asText() : null;
        String name = team != null && team.path("name").isTextual() ? team.path("name").asText()
                : activity.getConversation() == null ? null : activity.getConversation().getName();
        // A reply in a channel thread carries ";messageid=…": the channel itself is what we keep.
        String conversationId = activity.getConversation().getId().split(";", 2)[0];
        return new TeamConversation(conversationId, teamId, tenantId(activity), activity.getServiceUrl(), name);
    }

    /**
     * Serialised for the domain to keep as an opaque string, ready for proactive messages. Without the id of the
     * activity at hand: a proactive message starts afresh rather than replying to whatever was said last, and the
     * stored reference then changes only when the conversation does, so an ordinary turn doesn't rewrite the row.
     */
    static String conversationReference(Activity activity) {
        ConversationReference reference = activity.getConversationReference();
        reference.setActivityId(null);
        return Serialization.toStringSilent(reference);
    }

    static String tenantId(Activity activity) {
        if (activity.getConversation() != null && activity.getConversation().getTenantId() != null) {
            return activity.getConversation().getTenantId();
        }
        return channelDataTenantId(activity);
    }

    /** Teams' {@code channelData.tenant.id}, or null. */
    static String channelDataTenantId(Activity activity) {
        Object channelData = activity.getChannelData();
        if (channelData != null) {
            JsonNode tenant = Serialization.objectToTree(channelData).path("tenant").path("id");
            if (tenant.isTextual()) {
                return tenant.asText();
            }
        }
        return null;
    }

    /** Teams sends the client's IANA zone as {@code localTimezone} and in the clientInfo entity. */
    static String timeZone(Activity activity) {
        if (activity.getLocalTimezone() != null && !activity.getLocalTimezone().isBlank()) {
            return activity.getLocalTimezone();
        }
        List<Entity> entities = activity.getEntities();
        if (entities != null) {
            for (Entity entity : entities) {
                if ("clientInfo".equals(entity.getType())) {
                    JsonNode zone = Serialization.objectToTree(entity).path("timezone");
                    if (zone.isTextual()) {
                        return zone.asText();
                    }
                }
            }
        }
        return null;
    }
}
