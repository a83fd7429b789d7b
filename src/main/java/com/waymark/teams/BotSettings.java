package com.waymark.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bot Framework credentials and inbound limits ({@code waymark.bot.*}, or the SDK's usual
 * {@code MicrosoftAppId}/{@code MicrosoftAppPassword}/{@code MicrosoftAppTenantId} environment variables).
 */
@ConfigurationProperties("waymark.bot")
public record BotSettings(String appId, String appPassword, String appTenantId, String openIdMetadata,
                          int maxBodyBytes, int maxTextChars) {

    public BotSettings {
        appId = blankToNull(appId);
        appPassword = blankToNull(appPassword);
        appTenantId = blankToNull(appTenantId);
        openIdMetadata = blankToNull(openIdMetadata);
        maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 262_144;
        maxTextChars = maxTextChars > 0 ? maxTextChars : 4_000;
    }

    /** No app id: nobody can authenticate to us, so we only listen on localhost. */
    public boolean localMode() {
        return appId == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
