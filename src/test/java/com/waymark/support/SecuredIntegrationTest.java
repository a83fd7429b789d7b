package com.waymark.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import com.waymark.bench.ConnectorStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as deployed: Bot Framework credentials configured, so every request needs a valid token
 * ({@link BotFrameworkTokens} plays the token service), a tenant allow-list, a small inbound rate limit and a
 * clock the tests move. Subclasses share one context; the credentials are made up, so nothing here may make an
 * outbound call that needs a token: answers come back through {@code expectReplies}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "waymark.bot.app-id=" + SecuredIntegrationTest.APP_ID,
        "waymark.bot.app-password=not-a-real-secret",
        "waymark.bot.allowed-tenants=" + TeamsClient.TENANT + ", 0A1B2C3D-0000-4000-8000-00000000000F",
        "waymark.bot.messages-per-minute=" + SecuredIntegrationTest.PER_MINUTE,
        "waymark.encryption.key=" + SecuredIntegrationTest.ENCRYPTION_KEY,
        "spring.quartz.auto-startup=false"})
@Import(SecuredIntegrationTest.Clocks.class)
public abstract class SecuredIntegrationTest {

    public static final String APP_ID = "6f3b9c1e-52a4-4d7e-9a0b-3c8e1f2d4a55";
    public static final int PER_MINUTE = 4;
    /** 32 bytes, base64: a fixed key so that a test can decrypt what it reads with JDBC. */
    public static final String ENCRYPTION_KEY = "q0k4Yt8m3Zc9L2vW7nB5xR1pS6dF0gH4jK8lQ2wE3rU=";
    public static final String OTHER_TENANT = "3e0f4c52-9b1d-4a7e-8c2f-6d5a4b3c2e1f";

    protected static final Path DATA_DIR = Scratch.dir("waymark-secured-");
    protected static final ConnectorStub CONNECTOR = Scratch.connector();
    protected static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    protected static final BotFrameworkTokens TOKENS = BotFrameworkTokens.get();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock securedTestClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void tokenService(DynamicPropertyRegistry registry) {
        registry.add("waymark.data-dir", DATA_DIR::toString);
        registry.add("waymark.bot.open-id-metadata", TOKENS::metadataUrl);
    }

    /** A client that sends a valid token for every request. */
    protected static TeamsClient authorized(int port) {
        TeamsClient plain = new TeamsClient(port, CONNECTOR.serviceUrl());
        return plain.authorizedBy(() -> "Bearer " + TOKENS.valid(APP_ID, CONNECTOR.serviceUrl()));
    }
}
