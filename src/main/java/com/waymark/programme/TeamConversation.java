package com.waymark.programme;

/** A team channel or group chat, as the edge describes it. {@code teamId} is null for group chats. */
public record TeamConversation(String conversationId, String teamId, String tenantId, String serviceUrl,
                               String name) {
}
