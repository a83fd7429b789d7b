package com.waymark.teams;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bot Framework credentials and inbound guards ({@code waymark.bot.*}, or the SDK's usual
 * {@code MicrosoftAppId}/{@code MicrosoftAppPassword}/{@code MicrosoftAppTenantId} environment variables).
 *
 * @param appId the Azure Bot's Microsoft App ID ({@code MicrosoftAppId}); empty means local mode: no
 *              authentication, localhost only
 * @param appPassword its client secret ({@code MicrosoftAppPassword})
 * @param appTenantId its Entra tenant, for a single-tenant bot ({@code MicrosoftAppTenantId})
 * @param openIdMetadata where the Bot Framework's token signing keys are published; set only to test against a
 *                       stand-in token service
 * @param maxBodyBytes larger requests get HTTP 413
 * @param maxTextChars longer messages get a kind reply and nothing is stored
 * @param allowedTenants Entra tenant ids served, comma separated ({@code WAYMARK_ALLOWED_TENANTS}); others get HTTP
 *                       403. Empty serves every tenant
 * @param allowedChannels Bot Framework channels accepted when authentication is on (default {@code msteams} only:
 *                        Web Chat and Direct Line let the caller choose their own user id)
 * @param messagesPerMinute per-person budget of messages and card actions; 0 turns the limit off
 * @param dedupeWindow how long a delivered activity id is remembered, so a redelivery is answered but not redone
 */
@ConfigurationProperties("waymark.bot")
public record BotSettings(String appId, String appPassword, String appTenantId, String openIdMetadata,
                          @DefaultValue("262144") int maxBodyBytes, @DefaultValue("4000") int maxTextChars,
                          List<String> allowedTenants, @DefaultValue("msteams") List<String> allowedChannels,
                          @DefaultValue("30") Integer messagesPerMinute, @DefaultValue("24h") Duration dedupeWindow) {

    public BotSettings {
        appId = blankToNull(appId);
        appPassword = blankToNull(appPassword);
        appTenantId = blankToNull(appTenantId);
        openIdMetadata = blankToNull(openIdMetadata);
        maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 262_144;
        maxTextChars = maxTextChars > 0 ? maxTextChars : 4_000;
        allowedTenants = normalised(allowedTenants);
        allowedChannels = allowedChannels == null || normalised(allowedChannels).isEmpty()
                ? List.of("msteams") : normalised(allowedChannels);
        messagesPerMinute = messagesPerMinute == null ? 30 : Math.max(0, messagesPerMinute);
        dedupeWindow = dedupeWindow == null || dedupeWindow.isNegative() || dedupeWindow.isZero()
                ? Duration.ofHours(24) : dedupeWindow;
    }

    /** No app id: nobody can authenticate to us, so we only listen on localhost. */
    public boolean localMode() {
        return appId == null;
    }

    /** Tenant ids compare without regard to case: Entra writes them in lower case, people may not. */
    public boolean tenantAllowed(String tenantId) {
        return allowedTenants.isEmpty()
                || tenantId != null && allowedTenants.contains(tenantId.trim().toLowerCase(Locale.ROOT));
    }

    private static List<String> normalised(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
