package com.waymark.teams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import org.springframework.stereotype.Component;

/**
 * Reads a team's or chat's members page by page from the Bot Connector's {@code pagedmembers} endpoint.
 * Ours rather than the SDK's TeamsInfo.getPagedMembers, whose continuation-token request is broken in
 * 4.14.3 (its Retrofit interface puts a path placeholder in the query string, so page two always fails).
 */
@Component
class RosterReader {

    static final int PAGE_SIZE = 500;

    private final BotSettings settings;
    /** Made on the first roster read: building an HttpClient loads its TLS stack, which start-up need not pay for. */
    private volatile HttpClient http;

    RosterReader(BotSettings settings) {
        this.settings = settings;
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    // HTTP/1.1: an h2c upgrade request on plain http is refused by some connectors (the Agents Playground).
                    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                }
                client = http;
            }
        }
        return client;
    }

    CompletableFuture<List<TeamsChannelAccount>> readAll(String serviceUrl, String conversationOrTeamId) {
        return token().thenCompose(token -> {
            List<TeamsChannelAccount> members = new ArrayList<>();
            return page(serviceUrl, conversationOrTeamId, null, token, members).thenApply(done -> members);
        });
    }

    private CompletableFuture<Void> page(String serviceUrl, String id, String continuation, String token,
                                         List<TeamsChannelAccount> into) {
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        String uri = base + "v3/conversations/" + encode(id) + "/pagedmembers?pageSize=" + PAGE_SIZE
                + (continuation == null ? "" : "&continuationToken=" + encode(continuation));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET()
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() / 100 != 2) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "The roster request was refused with HTTP " + response.statusCode()));
            }
            JsonNode body;
            try {
                body = Serialization.jsonToTree(response.body());
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            for (JsonNode member : body.path("members")) {
                into.add(Serialization.treeToValue(member, TeamsChannelAccount.class));
            }
            String next = body.path("continuationToken").asText("");
            return next.isBlank() ? CompletableFuture.completedFuture(null) : page(serviceUrl, id, next, token, into);
        });
    }

    private CompletableFuture<String> token() {
        if (settings.localMode()) {
            return CompletableFuture.completedFuture(null);
        }
        return new MicrosoftAppCredentials(settings.appId(), settings.appPassword(), settings.appTenantId())
                .getToken();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
