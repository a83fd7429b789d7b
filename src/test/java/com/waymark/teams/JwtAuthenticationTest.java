package com.waymark.teams;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.waymark.support.BotFrameworkTokens;
import com.waymark.support.SecuredIntegrationTest;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With credentials configured, only a request carrying a token the Bot Framework channel service would issue
 * for this bot is processed. Everything else is a bare 401: never a 500, never a stack trace, nothing stored.
 */
class JwtAuthenticationTest extends SecuredIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    TeamsClient teams;
    User user;

    @BeforeEach
    void client() {
        teams = authorized(port);
        user = User.fresh("Jordan Ellis");
    }

    @Test
    void aValidTokenIsAccepted() {
        TeamsClient.Answer answer = teams.expectReplies(teams.message(user, "help"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.replies()).isNotEmpty();
        assertThat(participants(user)).isOne();
        assertThat(TOKENS.metadataFetches()).as("keys come from the configured metadata").isPositive();
    }

    @Test
    void eventsWithoutRepliesAreAcceptedToo() {
        ObjectNode typing = teams.message(user, "");
        typing.put("type", "typing");
        assertThat(teams.post(typing).status()).isBetween(200, 299);
    }

    static Stream<Arguments> badHeaders() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"https://api.botframework.com\",\"aud\":\"" + APP_ID + "\",\"exp\":4102444800}").getBytes());
        return Stream.of(
                Arguments.of("no header", null),
                Arguments.of("empty", ""),
                Arguments.of("malformed", "Bearer abc"),
                Arguments.of("bearer only", "Bearer"),
                Arguments.of("three parts", "Bearer a b"),
                Arguments.of("dots", "Bearer a.b.c"),
                Arguments.of("basic", "Basic " + Base64.getEncoder().encodeToString("user:pass".getBytes())),
                Arguments.of("junk base64", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.AAAA"),
                Arguments.of("unsigned", "Bearer " + header + "." + payload + "."),
                Arguments.of("unsigned, no dot", "Bearer " + header + "." + payload),
                Arguments.of("junk characters", "Bearer %00%ff{}[]\\\"'"),
                Arguments.of("huge", "Bearer " + "A".repeat(6_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void malformedOrMissingCredentialsGetA401(String why, String authorization) {
        assertRefused(authorization);
    }

    @Test
    void expiredTokensAreRefused() {
        Instant now = Instant.now();
        // The SDK allows five minutes of clock skew; ten minutes ago is past it.
        assertRefused(bearer(c -> c.expirationTime(Date.from(now.minusSeconds(600)))
                .notBeforeTime(Date.from(now.minusSeconds(3600)))));
    }

    @Test
    void tokensNotYetValidAreRefused() {
        assertRefused(bearer(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(900)))));
    }

    @Test
    void tokensWithoutAnExpiryAreRefused() {
        assertRefused(bearer(c -> c.expirationTime(null)));
    }

    @Test
    void tokensForAnotherBotAreRefused() {
        assertRefused(bearer(c -> c.audience("8a7d0e55-1111-4c2b-9e3f-000000000000")));
        assertRefused(bearer(c -> c.audience((String) null)));
        assertRefused(bearer(c -> c.audience(List.of(APP_ID, "another"))));
    }

    @Test
    void tokensFromAnotherIssuerAreRefused() {
        assertRefused(bearer(c -> c.issuer("https://evil.example.org")));
        assertRefused(bearer(c -> c.issuer(null)));
        // An emulator-style Entra ID issuer: refused at our edge, before the SDK would fetch Entra ID's keys.
        assertRefused(bearer(c -> c.issuer("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")));
    }

    @Test
    void skillTokensAreRefused() {
        assertRefused(bearer(c -> c.claim("ver", "1.0").claim("appid", "0f6a2c3b-4d5e-4f60-8a9b-0c1d2e3f4a5b")));
    }

    @Test
    void tokensSignedByAnotherKeyAreRefused() {
        var stranger = BotFrameworkTokens.strangerKey();
        JWTClaimsSet claims = BotFrameworkTokens.claims(APP_ID, CONNECTOR.serviceUrl(), c -> { });
        // Claiming to be our published key, signed by another: the signature does not verify.
        assertRefused("Bearer " + TOKENS.sign(stranger, BotFrameworkTokens.TEAMS_KEY, claims));
        // Under a key id nobody published.
        assertRefused("Bearer " + TOKENS.sign(stranger, stranger.getKeyID(), claims));
    }

    @Test
    void theServiceUrlClaimMustMatchTheActivity() {
        assertRefused(bearer(c -> c.claim("serviceurl", "https://smba.evil.example/")));
        assertRefused(bearer(c -> c.claim("serviceurl", null)));
    }

    @Test
    void aKeyMustBeEndorsedForTheActivitysChannel() {
        ObjectNode webchat = teams.message(user, "help");
        webchat.put("channelId", "webchat");
        // Signed with the Teams-only key: the SDK's endorsement check refuses it.
        assertThat(teams.post(webchat.deepCopy().put("deliveryMode", "expectReplies").toString(), "application/json",
                "Bearer " + TOKENS.valid(APP_ID, CONNECTOR.serviceUrl())).status()).isEqualTo(401);
        // A key endorsed for Web Chat gets past the SDK; Waymark itself takes Teams only (Web Chat lets the
        // caller choose their user id).
        TeamsClient.Answer answer = teams.post(webchat.deepCopy().put("deliveryMode", "expectReplies").toString(),
                "application/json", "Bearer " + TOKENS.signedWithWebchatKey(APP_ID, CONNECTOR.serviceUrl()));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain("Exception");
        assertThat(participants(user)).isZero();
    }

    @Test
    void aCallerCannotChangeTheServersDefaultLocale() {
        Locale before = Locale.getDefault();
        ObjectNode thai = teams.message(user, "help");
        thai.put("locale", "th-TH-u-nu-thai");
        assertThat(teams.expectReplies(thai).status()).isEqualTo(200);
        ObjectNode junk = teams.message(user, "help");
        junk.put("locale", "not a locale at all!");
        assertThat(teams.expectReplies(junk).status()).isEqualTo(200);
        assertThat(Locale.getDefault()).isEqualTo(before);
    }

    private String bearer(java.util.function.Consumer<JWTClaimsSet.Builder> change) {
        return "Bearer " + TOKENS.token(APP_ID, CONNECTOR.serviceUrl(), change);
    }

    private void assertRefused(String authorization) {
        ObjectNode activity = teams.message(user, "add action Should never be stored");
        TeamsClient.Answer answer = teams.post(activity.deepCopy().put("deliveryMode", "expectReplies").toString(),
                "application/json", authorization);
        assertThat(answer.status()).as("status for %s", authorization).isEqualTo(401);
        assertThat(answer.body() == null ? "" : answer.body()).doesNotContain("Exception").doesNotContain("at com.")
                .doesNotContain("at java.");
        assertThat(participants(user)).isZero();
    }

    private int participants(User who) {
        return db.queryForObject("select count(*) from participant where aad_object_id = ?", Integer.class,
                who.aadObjectId());
    }
}
