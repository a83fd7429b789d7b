package com.waymark.teams;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/** Wires the Bot Framework SDK from our own settings; the only place that knows the SDK's configuration keys. */
@org.springframework.context.annotation.Configuration
@EnableConfigurationProperties(BotSettings.class)
class BotFrameworkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotFrameworkConfiguration.class);

    static final String TURN_ERROR_REPLY = "Sorry, something went wrong on my side and I couldn't finish that. "
            + "Nothing was half-saved. Please try again in a moment, or say \"help\".";

    private final BotSettings settings;

    BotFrameworkConfiguration(BotSettings settings) {
        this.settings = settings;
    }

    /** Answers inbound turns; the SDK's own retry of 5xx replies stays on there. */
    @Bean
    @Primary
    BotFrameworkHttpAdapter botFrameworkAdapter(BotMetrics metrics) {
        var adapter = new TenantAwareAdapter(sdkConfiguration(), settings.appPassword(), settings.appTenantId(), true);
        adapter.use(metrics.outgoingCounter());
        return withErrorHandler(adapter);
    }

    /**
     * Sends what the bot starts (outbox, enrolment). The SDK's built-in retry is off here: it sleeps on the
     * sending thread and ignores Retry-After; the outbox retries instead, durably and on Teams' terms.
     * No turn-error handler either: a failed send must surface to the caller, not become an apology message.
     */
    @Bean
    BotFrameworkHttpAdapter proactiveAdapter(BotMetrics metrics) {
        var adapter = new TenantAwareAdapter(sdkConfiguration(), settings.appPassword(), settings.appTenantId(), false);
        adapter.use(metrics.outgoingCounter());
        return adapter;
    }

    private BotFrameworkHttpAdapter withErrorHandler(BotFrameworkHttpAdapter adapter) {
        adapter.setOnTurnError((turnContext, exception) -> {
            // The type only: exception messages can echo what the user wrote.
            log.error("Turn failed for activity type {}: {}", BotMetrics.typeTag(turnContext.getActivity().getType()),
                    exception.getClass().getName(), Redacted.of(exception));
            return turnContext.sendActivity(MessageFactory.text(TURN_ERROR_REPLY))
                    .handle((sent, sendFailure) -> null);
        });
        return adapter;
    }

    private Configuration sdkConfiguration() {
        Properties properties = new Properties();
        putIfPresent(properties, "MicrosoftAppId", settings.appId());
        putIfPresent(properties, "MicrosoftAppPassword", settings.appPassword());
        putIfPresent(properties, "BotOpenIdMetadata", settings.openIdMetadata());
        return new Configuration() {
            @Override
            public String getProperty(String key) {
                return properties.getProperty(key);
            }

            @Override
            public Properties getProperties() {
                return properties;
            }

            @Override
            public String[] getProperties(String key) {
                String value = properties.getProperty(key);
                return value == null ? null : value.split(",");
            }
        };
    }

    private static void putIfPresent(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceMode() {
        if (settings.localMode()) {
            log.warn("""

                    ****************************************************************************
                    *  Waymark is running in LOCAL MODE: no MicrosoftAppId is configured, so   *
                    *  activities are accepted WITHOUT authentication. It listens on localhost *
                    *  only. Use it with the Microsoft 365 Agents Playground, never in production. *
                    ****************************************************************************""");
        } else {
            log.info("Bot Framework authentication is on for app id {}", settings.appId());
        }
    }

    /** Single-tenant bot registrations must fetch their outbound tokens from their own tenant. */
    static final class TenantAwareAdapter extends BotFrameworkHttpAdapter {

        private static final RetryStrategy NEVER = new RetryStrategy("never", false) {
            @Override
            public boolean shouldRetry(int retryCount, okhttp3.Response response) {
                return false;
            }
        };

        private final String password;
        private final String tenantId;
        private final boolean sdkRetries;
        private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

        TenantAwareAdapter(Configuration configuration, String password, String tenantId, boolean sdkRetries) {
            super(configuration);
            this.password = password;
            this.tenantId = tenantId;
            this.sdkRetries = sdkRetries;
        }

        @Override
        protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                                AppCredentials credentials) {
            if (sdkRetries) {
                return super.getOrCreateConnectorClient(serviceUrl, credentials);
            }
            AppCredentials effective = credentials != null ? credentials : MicrosoftAppCredentials.empty();
            String key = serviceUrl + "|" + effective.getAppId() + "|" + effective.oAuthScope();
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> new RestConnectorClient(
                    new RestClient.Builder().withBaseUrl(serviceUrl).withCredentials(effective)
                            .withSerializerAdapter(new JacksonAdapter())
                            .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                            .withRetryStrategy(NEVER).build())));
        }

        @Override
        protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
            if (tenantId == null) {
                return super.buildAppCredentials(appId, scope);
            }
            return CompletableFuture.completedFuture(new MicrosoftAppCredentials(appId, password, tenantId, scope));
        }
    }
}
