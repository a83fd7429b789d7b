package com.waymark.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the Bot Connector service (the REST API behind an activity's {@code serviceUrl}):
 * records what the bot posts, serves team rosters page by page and creates 1:1 conversations, the way
 * Teams does. Used by the tests and by the benchmarks, on a free loopback port.
 */
public final class ConnectorStub implements AutoCloseable {

    /** One request the bot made, with its JSON body (or null). */
    public record Call(String method, String path, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where the sender puts its idempotency key on each activity (see teams.TeamsOutbound). */
    public static final String IDEMPOTENCY_PROPERTY = "waymarkIdempotencyKey";

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, List<ObjectNode>> rosters = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int pageSizeCap = 500;
    private final java.util.Deque<Fault> faults = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final Map<String, Integer> deliveredKeys = new ConcurrentHashMap<>();
    private volatile FaultPolicy policy = FaultPolicy.NONE;
    private final AtomicInteger rejected = new AtomicInteger();

    /** A scripted failure for the next posted activity: HTTP status and an optional Retry-After (seconds). */
    public record Fault(int status, String retryAfter) {
    }

    /** Random failures for benchmarks: a share of posts answered 429 (with Retry-After) or 5xx. */
    public record FaultPolicy(double share429, double share5xx, int retryAfterSeconds, long seed) {
        public static final FaultPolicy NONE = new FaultPolicy(0, 0, 0, 0);
    }

    public ConnectorStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The service URL to put in activities so the bot talks to this stub. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Members that {@code GET …/pagedmembers} returns for a conversation (team or group chat). */
    public void setRoster(String conversationId, List<ObjectNode> members) {
        rosters.put(conversationId, List.copyOf(members));
    }

    public void capPageSize(int cap) {
        this.pageSizeCap = cap;
    }

    public static ObjectNode member(String id, String name, String aadObjectId) {
        return JSON.createObjectNode().put("id", id).put("name", name).put("aadObjectId", aadObjectId)
                .put("userPrincipalName", name.toLowerCase().replace(' ', '.') + "@example.nhs.uk");
    }

    /** The next posted activities fail in this order (one fault each). */
    public void failNext(Fault... next) {
        faults.addAll(List.of(next));
    }

    public void failRandomly(FaultPolicy policy) {
        this.policy = policy;
        this.random = new java.util.Random(policy.seed());
    }

    private java.util.Random random = new java.util.Random(0);

    /**
     * Answer a resend of an already-delivered key with success, without delivering it again, and count it
     * as a replay. Off by default: then a resend is delivered again and shows up as a duplicate.
     */
    public int distinctDelivered() {
        return deliveredKeys.size();
    }

    /** Posts answered with an injected 429 or 5xx. */
    public int rejected() {
        return rejected.get();
    }

    /** How many times each idempotency key was delivered successfully: more than once is a duplicate. */
    public Map<String, Integer> deliveriesByKey() {
        return Map.copyOf(deliveredKeys);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Activities the bot sent (posted to a conversation), in arrival order. */
    public List<JsonNode> sentActivities() {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().contains("/activities"))
                .map(Call::body).toList();
    }

    public void reset() {
        calls.clear();
        faults.clear();
        deliveredKeys.clear();
        policy = FaultPolicy.NONE;
        rejected.set(0);
    }

    /** Waits until at least {@code count} sent activities match, or the timeout passes; returns them. */
    public List<JsonNode> awaitSent(int count, Duration timeout, Predicate<JsonNode> filter) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> matching = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            matching = sentActivities().stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return matching;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            String method = exchange.getRequestMethod();
            calls.add(new Call(method, path, body));
            String v3 = path.substring(Math.max(0, path.indexOf("/v3/")));
            String[] parts = v3.split("/");
            if (method.equals("POST") && v3.equals("/v3/conversations")) {
                respond(exchange, 201, createConversation(body));
            } else if (method.equals("GET") && parts.length == 5 && parts[4].equals("pagedmembers")) {
                respond(exchange, 200, pagedMembers(parts[3], query(uri, "pageSize"), query(uri, "continuationToken")));
            } else if (method.equals("GET") && parts.length == 6 && parts[4].equals("members")) {
                respond(exchange, 200, findMember(parts[3], parts[5]));
            } else if (v3.contains("/activities")) {
                Fault fault = nextFault();
                if (fault != null) {
                    calls.remove(calls.size() - 1);
                    rejected.incrementAndGet();
                    if (fault.retryAfter() != null) {
                        exchange.getResponseHeaders().add("Retry-After", fault.retryAfter());
                    }
                    respond(exchange, fault.status(), JSON.createObjectNode().put("error", "injected " + fault.status()));
                    return;
                }
                if (body != null && body.hasNonNull(IDEMPOTENCY_PROPERTY)) {
                    // Every delivery counts, as Teams shows each post: the stub plays a receiver with no resend check.
                    deliveredKeys.merge(body.get(IDEMPOTENCY_PROPERTY).asText(), 1, Integer::sum);
                }
                respond(exchange, 200, JSON.createObjectNode().put("id", "stub-" + ids.incrementAndGet()));
            } else {
                respond(exchange, 404, JSON.createObjectNode().put("error", "not found"));
            }
        }
    }

    private Fault nextFault() {
        Fault scripted = faults.poll();
        if (scripted != null) {
            return scripted;
        }
        FaultPolicy current = policy;
        if (current == FaultPolicy.NONE) {
            return null;
        }
        double roll;
        synchronized (this) {
            roll = random.nextDouble();
        }
        if (roll < current.share429()) {
            return new Fault(429, Integer.toString(current.retryAfterSeconds()));
        }
        if (roll < current.share429() + current.share5xx()) {
            return new Fault(503, null);
        }
        return null;
    }

    private JsonNode createConversation(JsonNode parameters) {
        String memberId = parameters == null ? "unknown" : parameters.path("members").path(0).path("id").asText("unknown");
        return JSON.createObjectNode().put("id", "a:1on1-" + memberId).put("activityId", "stub-" + ids.incrementAndGet());
    }

    private JsonNode pagedMembers(String conversationId, String pageSizeRaw, String token) {
        List<ObjectNode> roster = rosters.getOrDefault(conversationId, List.of());
        int pageSize = Math.min(pageSizeCap, pageSizeRaw == null ? 200 : Integer.parseInt(pageSizeRaw));
        int start = token == null || token.isBlank() ? 0 : Integer.parseInt(token);
        int end = Math.min(roster.size(), start + pageSize);
        ObjectNode page = JSON.createObjectNode();
        ArrayNode members = page.putArray("members");
        roster.subList(start, end).forEach(members::add);
        if (end < roster.size()) {
            page.put("continuationToken", Integer.toString(end));
        }
        return page;
    }

    private JsonNode findMember(String conversationId, String memberId) {
        return rosters.getOrDefault(conversationId, List.of()).stream()
                .filter(m -> m.path("id").asText().equals(memberId) || m.path("aadObjectId").asText().equals(memberId))
                .findFirst().map(m -> (JsonNode) m).orElse(JSON.createObjectNode().put("id", memberId));
    }

    private static String query(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Time a test may wait for the bot's asynchronous posts. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
}
