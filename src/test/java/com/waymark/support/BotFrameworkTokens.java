package com.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays the Bot Framework's token service for tests: an OpenID configuration and a JWKS (RSA keys with the
 * {@code endorsements} the SDK checks against the activity's channel) served from a local HTTP server, and
 * tokens signed with those keys, as the channel service signs the ones Teams traffic carries.
 *
 * <p>One per JVM, like the Spring contexts that use it: the SDK keeps the metadata URL in a static field
 * ({@code ChannelValidation.setOpenIdMetaDataUrl}, set from {@code BotOpenIdMetadata} when an adapter is built)
 * and caches what it fetched per URL for a day. Keys therefore never change under a running context, and every
 * context that is given this URL sees the same keys. The URL carries a random path so that it is new per JVM.
 */
public final class BotFrameworkTokens {

    public static final String ISSUER = "https://api.botframework.com";
    /** Endorsed for Teams only, as Microsoft's keys are endorsed per channel. */
    public static final String TEAMS_KEY = "waymark-test-teams";
    /** Endorsed for Teams and Web Chat: lets a test get past the SDK to our own channel check. */
    public static final String WEBCHAT_KEY = "waymark-test-webchat";

    private static final BotFrameworkTokens INSTANCE = new BotFrameworkTokens();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String prefix = "/" + UUID.randomUUID();
    private final String base;
    private final RSAKey teamsKey;
    private final RSAKey webchatKey;
    private volatile int metadataFetches;

    private BotFrameworkTokens() {
        try {
            teamsKey = new RSAKeyGenerator(2048).keyID(TEAMS_KEY).generate();
            webchatKey = new RSAKeyGenerator(2048).keyID(WEBCHAT_KEY).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
        server.createContext("/", this::serve);
        server.setExecutor(null);
        server.start();
    }

    public static BotFrameworkTokens get() {
        return INSTANCE;
    }

    /** For {@code waymark.bot.open-id-metadata}. */
    public String metadataUrl() {
        return base + "/.well-known/openid-configuration";
    }

    public int metadataFetches() {
        return metadataFetches;
    }

    /** What the channel service sends with an activity for {@code appId} from {@code serviceUrl}. */
    public String valid(String appId, String serviceUrl) {
        return token(appId, serviceUrl, claims -> { });
    }

    /** A token like {@link #valid} with the claims changed by {@code change}, signed with the Teams key. */
    public String token(String appId, String serviceUrl, Consumer<JWTClaimsSet.Builder> change) {
        return sign(teamsKey, TEAMS_KEY, claims(appId, serviceUrl, change));
    }

    /** Signed with {@code key}, under the key id {@code kid} (which need not be the key's own). */
    public String sign(RSAKey key, String kid, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
                .build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public String signedWithWebchatKey(String appId, String serviceUrl) {
        return sign(webchatKey, WEBCHAT_KEY, claims(appId, serviceUrl, claims -> { }));
    }

    public static JWTClaimsSet claims(String appId, String serviceUrl, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(appId)
                .notBeforeTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("serviceurl", serviceUrl);
        change.accept(claims);
        return claims.build();
    }

    /** A fresh key nobody published. */
    public static RSAKey strangerKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Object body;
        if (path.equals(prefix + "/.well-known/openid-configuration")) {
            metadataFetches++;
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("issuer", ISSUER);
            metadata.put("authorization_endpoint", "https://invalid.example/authorize");
            metadata.put("jwks_uri", base + "/keys");
            metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
            metadata.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
            body = metadata;
        } else if (path.equals(prefix + "/keys")) {
            List<Map<String, Object>> keys = new ArrayList<>();
            keys.add(published(teamsKey, List.of("msteams")));
            keys.add(published(webchatKey, List.of("msteams", "webchat")));
            body = Map.of("keys", keys);
        } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, Object> published(RSAKey key, List<String> endorsements) {
        Map<String, Object> jwk = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
        jwk.put("use", "sig");
        jwk.put("endorsements", endorsements);
        return jwk;
    }
}
