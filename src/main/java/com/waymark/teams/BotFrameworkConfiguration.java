package com.waymark.teams;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.ClaimsValidator;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SkillValidation;
import com.microsoft.bot.integration.ConfigurationChannelProvider;
import com.microsoft.bot.integration.ConfigurationCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import io.micrometer.observation.ObservationPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.context.annotation.Primary;

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
    TenantAwareAdapter botFrameworkAdapter(BotMetrics metrics, InboundRateLimiter rateLimiter) {
        var adapter = new TenantAwareAdapter(sdkConfiguration(), settings.appPassword(), settings.appTenantId(), true);
        adapter.use(metrics.outgoingCounter());
        adapter.use(rateLimiter.middleware());
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

    private TenantAwareAdapter withErrorHandler(TenantAwareAdapter adapter) {
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

    /**
     * Activities have their own timer, {@code waymark.turn.latency} ({@link BotMetrics}), by activity type and
     * outcome; Spring MVC's request observation of {@code /api/messages} would time every one a second time.
     */
    @Bean
    ObservationPredicate noSecondTimerForActivities() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && "/api/messages".equals(request.getCarrier().getRequestURI()));
    }

    /**
     * Single-tenant bot registrations must fetch their outbound tokens from their own tenant. Inbound, it
     * authenticates a request on its own ({@link #authenticate}) so that the edge can refuse what is authentic but
     * unwanted (other tenants, redeliveries) before a turn starts, and it keeps callers from changing the JVM's
     * default locale (the SDK sets it from each activity's {@code locale}).
     */
    static final class TenantAwareAdapter extends BotFrameworkHttpAdapter {

        private static final RetryStrategy NEVER = new RetryStrategy("never", false) {
            @Override
            public boolean shouldRetry(int retryCount, okhttp3.Response response) {
                return false;
            }
        };

        /** Where the start-up's client would send, if it ever sent: nowhere (port 9 is discard, and it never sends). */
        private static final String PLACEHOLDER_SERVICE_URL = "https://127.0.0.1:9/";

        private final String password;
        private final String tenantId;
        private final boolean sdkRetries;
        private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
        /** The start-up's client ({@link #prepareConnectorClient}); never used to send. */
        private volatile ConnectorClient warmed;

        private final CredentialProvider credentials;
        private final ChannelProvider channels;
        private final AuthenticationConfiguration authConfiguration;

        TenantAwareAdapter(Configuration configuration, String password, String tenantId, boolean sdkRetries) {
            this(configuration, channelTokensOnly(), password, tenantId, sdkRetries);
        }

        private TenantAwareAdapter(Configuration configuration, AuthenticationConfiguration authConfiguration,
                                   String password, String tenantId, boolean sdkRetries) {
            super(configuration, authConfiguration);
            this.credentials = new ConfigurationCredentialProvider(configuration);
            this.channels = new ConfigurationChannelProvider(configuration);
            this.authConfiguration = authConfiguration;
            this.password = password;
            this.tenantId = tenantId;
            this.sdkRetries = sdkRetries;
        }

        /**
         * Who sent this request, or a failed future with an {@link AuthenticationException}. With credentials, only
         * a token the Bot Framework channel service issued is considered: emulator and skill tokens are refused
         * here, before the SDK would fetch Entra ID's signing keys to check them. Never throws.
         */
        CompletableFuture<ClaimsIdentity> authenticate(String authHeader, Activity activity) {
            try {
                if (authHeader != null && !authHeader.isBlank() && !fromChannelService(authHeader)) {
                    return CompletableFuture.failedFuture(
                            new AuthenticationException("Not a Bot Framework channel token"));
                }
                return JwtTokenValidation.authenticateRequest(activity, authHeader, credentials, channels,
                        authConfiguration);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        /** Runs one authenticated activity through the middleware and the bot. */
        CompletableFuture<InvokeResponse> process(ClaimsIdentity identity, Activity activity, Bot bot) {
            try {
                return processActivity(identity, activity, bot::onTurn);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private static boolean fromChannelService(String authHeader) {
            String[] parts = authHeader.trim().split(" ");
            if (parts.length != 2 || !"Bearer".equalsIgnoreCase(parts[0])) {
                return false;
            }
            try {
                return AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equals(JWT.decode(parts[1]).getIssuer());
            } catch (JWTDecodeException e) {
                return false;
            }
        }

        /**
         * Claims the SDK does not insist on. It accepts a correctly signed token without an expiry, and without a
         * claims validator it only logs that skill calls need one: Waymark is no skill, so those are refused. The
         * SDK ignores the validator's future, so a refusal must be thrown.
         */
        private static AuthenticationConfiguration channelTokensOnly() {
            AuthenticationConfiguration configuration = new AuthenticationConfiguration();
            configuration.setClaimsValidator(new ClaimsValidator() {
                @Override
                public CompletableFuture<Void> validateClaims(Map<String, String> claims) {
                    if (!claims.containsKey("exp")) {
                        throw new AuthenticationException("The token has no expiry");
                    }
                    if (SkillValidation.isSkillClaim(claims)) {
                        throw new AuthenticationException("Skill calls are not accepted");
                    }
                    return CompletableFuture.completedFuture(null);
                }
            });
            return configuration;
        }

        /**
         * Two repairs to the SDK's pipeline. It calls {@code Locale.setDefault} with the caller's locale, for the
         * whole JVM and every thread in it, and throws on an ill-formed tag: the activity travels without its locale
         * until the bot itself runs, so neither can happen (the turn and every reply still carry it). And it hands
         * only failed futures to the turn-error handler: an exception the bot throws before returning one escaped
         * as an HTTP 500, which Teams retries; it now gets the apology like any other failed turn.
         */
        @Override
        protected CompletableFuture<Void> runPipeline(TurnContext context, BotCallbackHandler callback) {
            Activity activity = context.getActivity();
            if (activity == null || callback == null) {
                return super.runPipeline(context, callback);
            }
            String locale = activity.getLocale();
            activity.setLocale(null);
            return super.runPipeline(context, turn -> {
                activity.setLocale(locale);
                try {
                    return callback.invoke(turn);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
        }

        @Override
        protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                                AppCredentials credentials) {
            if (sdkRetries) {
                return super.getOrCreateConnectorClient(serviceUrl, credentials);
            }
            AppCredentials effective = credentials != null ? credentials : MicrosoftAppCredentials.empty();
            String key = serviceUrl + "|" + effective.getAppId() + "|" + effective.oAuthScope();
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> newClient(serviceUrl,
                    effective)));
        }

        private static ConnectorClient newClient(String serviceUrl, AppCredentials credentials) {
            return new RestConnectorClient(new RestClient.Builder().withBaseUrl(serviceUrl).withCredentials(credentials)
                    .withSerializerAdapter(new JacksonAdapter())
                    .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                    .withRetryStrategy(NEVER).build());
        }

        /**
         * Builds one connector client, for no conversation, so that the first turn after a start does not: the first
         * took about 0.4 s (OkHttp's and TLS's classes, the JDK's trusted certificates read and parsed, the SDK's
         * serialisers), every turn's pipeline asks for one, and the turns that arrive meanwhile wait for it. The
         * client is kept: it holds the parsed certificates, which the JDK itself keeps only weakly. Makes no call.
         */
        void prepareConnectorClient() {
            warmed = newClient(PLACEHOLDER_SERVICE_URL, MicrosoftAppCredentials.empty());
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
