package com.waymark.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.TeamsClient.User;

/**
 * The OneDrive upload session Teams hands a bot when a person chooses Allow on a file consent card, on a local port:
 * it keeps every upload and answers 201 (or what {@link #answerWith} says). {@link #consent} makes Teams' invoke for
 * Allow or Decline, with Allow's upload URL pointing here.
 */
public final class OneDriveStub implements AutoCloseable {

    /** One request the bot made to the upload URL. */
    public record Upload(String method, String path, String contentRange, byte[] body) {
    }

    private final HttpServer server;
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private volatile int status = 201;

    private OneDriveStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                uploads.add(new Upload(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Range"), in.readAllBytes()));
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    public static OneDriveStub start() throws IOException {
        return new OneDriveStub();
    }

    /** Every upload so far, oldest first. */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** The body of the {@code index}-th upload. */
    public byte[] body(int index) {
        return uploads.get(index).body();
    }

    /** The status later uploads are answered with. */
    public void answerWith(int httpStatus) {
        status = httpStatus;
    }

    /**
     * Teams' invoke when {@code user} chooses {@code action} ("accept", "decline") on a file consent card, as
     * documented for bots sending files: the card's {@code context}, and for Allow where to upload {@code fileName}.
     */
    public ObjectNode consent(TeamsClient client, User user, String action, JsonNode context, String fileName) {
        ObjectNode activity = client.message(user, "");
        activity.remove("text");
        activity.remove("textFormat");
        activity.put("type", "invoke").put("name", "fileConsent/invoke");
        ObjectNode value = activity.putObject("value").put("type", "fileUpload").put("action", action);
        value.set("context", context);
        if (action.equals("accept")) {
            value.putObject("uploadInfo").put("contentUrl", "https://contoso-my.sharepoint.com/personal/" + fileName)
                    .put("name", fileName)
                    .put("uploadUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/session-1")
                    .put("uniqueId", "1150D938-8870-4044-9F2C-5BBDEBA70C8C")
                    .put("fileType", fileName.substring(fileName.lastIndexOf('.') + 1));
        }
        return activity;
    }

    /** The texts {@code connector} delivered to {@code user}'s 1:1 chat: what the bot said after an answer. */
    public static List<String> sentTo(ConnectorStub connector, User user) {
        return connector.sentActivities().stream()
                .filter(activity -> activity.path("conversation").path("id").asText().equals(user.conversationId()))
                .map(activity -> activity.path("text").asText()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
