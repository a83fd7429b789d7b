package com.waymark.teams;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Messages the bot starts: opening a 1:1 chat with someone, or continuing a stored conversation. */
@Component
class ProactiveSender {

    private final BotFrameworkHttpAdapter adapter;
    private final BotSettings settings;

    ProactiveSender(@Qualifier("proactiveAdapter") BotFrameworkHttpAdapter adapter, BotSettings settings) {
        this.adapter = adapter;
        this.settings = settings;
    }

    /**
     * Opens (or reopens: Teams returns the existing one) the 1:1 chat with {@code member}, sends the
     * activities there (if any), and returns the conversation reference to keep for later messages.
     */
    CompletableFuture<ConversationReference> openPersonalChat(String serviceUrl, String tenantId, ChannelAccount bot,
                                                              ChannelAccount member, List<Activity> activities) {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(bot);
        parameters.setMembers(List.of(new ChannelAccount(member.getId(), member.getName())));
        parameters.setTenantId(tenantId);
        var channelData = JsonNodeFactory.instance.objectNode();
        channelData.putObject("tenant").put("id", tenantId);
        parameters.setChannelData(channelData);

        CompletableFuture<ConversationReference> opened = new CompletableFuture<>();
        return adapter.createConversation("msteams", serviceUrl, credentials(), parameters, turn -> {
            ConversationReference reference = new ConversationReference();
            reference.setChannelId("msteams");
            reference.setServiceUrl(serviceUrl);
            reference.setBot(bot);
            reference.setUser(member);
            ConversationAccount conversation = new ConversationAccount(turn.getActivity().getConversation().getId());
            conversation.setConversationType("personal");
            conversation.setTenantId(tenantId);
            reference.setConversation(conversation);
            opened.complete(reference);
            // Nothing to say is allowed: the chat is opened to reach the person later (the SDK refuses an empty send).
            return activities.isEmpty() ? java.util.concurrent.CompletableFuture.<Void>completedFuture(null)
                    : turn.sendActivities(activities).thenApply(sent -> null);
        }).thenCompose(done -> opened);
    }

    /** Sends into a conversation we were in before (a 1:1 chat or a team channel). */
    CompletableFuture<Void> send(ConversationReference reference, List<Activity> activities) {
        return adapter.continueConversation(settings.appId() == null ? "" : settings.appId(), reference,
                turn -> turn.sendActivities(activities).thenApply(sent -> null));
    }

    /** The reference the domain stored as an opaque string; null when there is none or it is unreadable. */
    static ConversationReference parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private MicrosoftAppCredentials credentials() {
        return settings.localMode() ? MicrosoftAppCredentials.empty()
                : new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.appTenantId());
    }
}
