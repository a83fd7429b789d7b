package com.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * Plays Teams against {@code POST /api/messages}: builds activities shaped like the ones Teams sends and
 * posts them over real HTTP, either asking for the replies in the response ({@code expectReplies}) or
 * letting the bot post them to the connector stub.
 */
public final class TeamsClient {

    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String BOT_ID = "28:waymark-bot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong SEQ = new AtomicLong();

    /** An HTTP answer from the bot. */
    public record Answer(int status, String body) {

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The activities of an expectReplies answer. */
        public List<JsonNode> replies() {
            List<JsonNode> list = new ArrayList<>();
            json().path("activities").forEach(list::add);
            return list;
        }
    }

    private final URI endpoint;
    private final String serviceUrl;
    /** The Authorization header to send, or null for none (local mode). */
    private final java.util.function.Supplier<String> authorization;

    public TeamsClient(int port, String serviceUrl) {
        this(port, serviceUrl, null);
    }

    private TeamsClient(int port, String serviceUrl, java.util.function.Supplier<String> authorization) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/messages");
        this.serviceUrl = serviceUrl;
        this.authorization = authorization;
    }

    /** The same client, sending {@code header} (computed per request) as the Authorization header. */
    public TeamsClient authorizedBy(java.util.function.Supplier<String> header) {
        return new TeamsClient(endpoint.getPort(), serviceUrl, header);
    }

    public String serviceUrl() {
        return serviceUrl;
    }

    /** A person with a stable Teams identity and their own 1:1 conversation. */
    public record User(String userId, String aadObjectId, String name, String timeZone) {

        public static User fresh(String name) {
            String aad = UUID.randomUUID().toString();
            return new User("29:" + aad, aad, name, "Europe/London");
        }

        public String conversationId() {
            return "a:personal-" + aadObjectId;
        }
    }

    public ObjectNode message(User user, String text) {
        ObjectNode activity = base("message", user);
        activity.put("text", text).put("textFormat", "plain");
        return activity;
    }

    /** What Teams sends when an Action.Submit button is pressed: the data (and inputs) in {@code value}. */
    public ObjectNode cardSubmit(User user, JsonNode value) {
        ObjectNode activity = base("message", user);
        activity.set("value", value);
        activity.put("replyToId", "1:card-" + SEQ.incrementAndGet());
        return activity;
    }

    /** A message in a team channel, @mentioning the bot the way Teams delivers it. */
    public ObjectNode teamMessage(User user, String teamId, String text) {
        ObjectNode activity = base("message", user);
        activity.put("text", "<at>Waymark</at> " + text);
        activity.putObject("conversation").put("conversationType", "channel").put("tenantId", TENANT)
                .put("isGroup", true).put("id", teamId + ";messageid=" + SEQ.incrementAndGet());
        ObjectNode channelData = activity.putObject("channelData");
        channelData.putObject("tenant").put("id", TENANT);
        channelData.putObject("team").put("id", teamId).put("name", "North Ridge leadership team");
        channelData.putObject("channel").put("id", teamId);
        activity.putArray("entities").addObject().put("type", "mention").put("text", "<at>Waymark</at>")
                .putObject("mentioned").put("id", BOT_ID).put("name", "Waymark");
        return activity;
    }

    /** A card submitted from a message in a team channel. */
    public ObjectNode teamCardSubmit(User user, String teamId, JsonNode value) {
        ObjectNode activity = teamMessage(user, teamId, "");
        activity.remove("text");
        activity.set("value", value);
        return activity;
    }

    /** Teams' conversationUpdate for a team: members added or removed (the bot is a member too). */
    public ObjectNode teamMembersChanged(String teamId, String field, ObjectNode... members) {
        ObjectNode activity = base("conversationUpdate", new User("29:admin", UUID.randomUUID().toString(),
                "Team admin", "Europe/London"));
        activity.putObject("conversation").put("conversationType", "channel").put("tenantId", TENANT)
                .put("isGroup", true).put("id", teamId);
        ObjectNode channelData = activity.putObject("channelData");
        channelData.putObject("tenant").put("id", TENANT);
        channelData.putObject("team").put("id", teamId).put("name", "North Ridge leadership team");
        channelData.put("eventType", field.equals("membersAdded") ? "teamMemberAdded" : "teamMemberRemoved");
        var list = activity.putArray(field);
        for (ObjectNode member : members) {
            list.add(member);
        }
        return activity;
    }

    public ObjectNode install(User user) {
        ObjectNode activity = base("installationUpdate", user);
        activity.put("action", "add");
        return activity;
    }

    public ObjectNode botAddedPersonal(User user) {
        ObjectNode activity = base("conversationUpdate", user);
        activity.putArray("membersAdded").add(JSON.createObjectNode().put("id", BOT_ID));
        return activity;
    }

    public Answer expectReplies(ObjectNode activity) {
        return post(activity.deepCopy().put("deliveryMode", "expectReplies").toString());
    }

    public Answer post(ObjectNode activity) {
        return post(activity.toString());
    }

    public Answer post(String body) {
        return post(body, "application/json");
    }

    public Answer post(String body, String contentType) {
        return post(body, contentType, authorization == null ? null : authorization.get());
    }

    /** Posts with exactly this Authorization header (none if null). */
    public Answer post(String body, String contentType, String authorizationHeader) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType);
        if (authorizationHeader != null) {
            builder.header("Authorization", authorizationHeader);
        }
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A real Teams payload from {@code ../shared/fixtures/teams}, pointed at our connector stub. */
    public ObjectNode fixture(String name) {
        Path file = Prerequisites.sharedDir().resolve(Path.of("fixtures", "teams", name));
        Prerequisites.require(Files.exists(file), "Teams fixture not found at " + file.toAbsolutePath()
                + " (the fixtures come with the shared folder beside the project).");
        try {
            ObjectNode activity = (ObjectNode) JSON.readTree(file.toFile());
            if (activity.has("serviceUrl")) {
                activity.put("serviceUrl", serviceUrl);
            }
            return activity;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode base(String type, User user) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", type).put("id", "f:" + SEQ.incrementAndGet()).put("channelId", "msteams")
                .put("serviceUrl", serviceUrl).put("timestamp", "2026-11-25T09:00:00.000Z")
                .put("locale", "en-GB").put("localTimezone", user.timeZone());
        activity.putObject("from").put("id", user.userId()).put("name", user.name())
                .put("aadObjectId", user.aadObjectId());
        activity.putObject("conversation").put("conversationType", "personal").put("tenantId", TENANT)
                .put("id", user.conversationId());
        activity.putObject("recipient").put("id", BOT_ID).put("name", "Waymark");
        activity.putObject("channelData").putObject("tenant").put("id", TENANT);
        activity.putArray("entities").addObject().put("type", "clientInfo").put("locale", "en-GB")
                .put("timezone", user.timeZone());
        return activity;
    }
}
