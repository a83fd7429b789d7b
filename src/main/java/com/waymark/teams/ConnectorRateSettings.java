package com.waymark.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Teams' rate limits for a bot's messages, kept below so that Teams rarely answers 429
 * ({@code waymark.teams.rate.*}).
 *
 * @param botPerSecond messages a second across every conversation of this instance
 * @param conversationPerSecond messages a second into one conversation
 * @param conversationPer30s messages in any 30 seconds into one conversation
 * @param conversationPerHour messages an hour into one conversation
 */
@ConfigurationProperties("waymark.teams.rate")
record ConnectorRateSettings(@DefaultValue("50") int botPerSecond, @DefaultValue("7") int conversationPerSecond,
                             @Name("conversation-per-30s") @DefaultValue("60") int conversationPer30s,
                             @DefaultValue("1800") int conversationPerHour) {
}
