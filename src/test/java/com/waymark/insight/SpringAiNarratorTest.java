package com.waymark.insight;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional LLM narrator against a local stub of the chat completions API: what it sends (only the aggregates it
 * was given), what it makes of the reply, that failures and time-outs are empty answers, and that with the property
 * off no request is made at all.
 */
class SpringAiNarratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LINES = List.of("9 of 12 people checked in (75%)",
            "Wellbeing mean 3.1, down from 3.6", "Theme: Workload and capacity, 6 people, growing");

    /** One recorded request to the stub. */
    record Request(String method, String path, Map<String, List<String>> headers, JsonNode body) {
    }

    HttpServer stub;
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    volatile String reply = "ok";
    volatile int status = 200;
    volatile long delayMillis;

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), JSON.readTree(in)));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = (status == 200 ? completion(reply) : "{\"error\":{\"message\":\"overloaded\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    @Test
    void theSummaryPromptCarriesTheAggregateLinesAndNothingElse() {
        reply = "  Participation held up, but wellbeing fell and workload is growing.\n\nWorth exploring capacity. ";
        MeterRegistry meters = new SimpleMeterRegistry();
        DigestNarrator narrator = narrator("openai", "sk-test", meters);

        assertThat(narrator.summarise("North Ridge cohort", LINES))
                .contains("Participation held up, but wellbeing fell and workload is growing. Worth exploring capacity.");

        assertThat(requests).hasSize(1);
        Request request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer sk-test");
        JsonNode messages = request.body().path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.path(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.path(0).path("content").asText()).isEqualTo(SpringAiNarrator.SUMMARY_INSTRUCTIONS);
        assertThat(messages.path(1).path("role").asText()).isEqualTo("user");
        assertThat(messages.path(1).path("content").asText()).isEqualTo("Programme: North Ridge cohort\nFigures:\n"
                + "- 9 of 12 people checked in (75%)\n- Wellbeing mean 3.1, down from 3.6\n"
                + "- Theme: Workload and capacity, 6 people, growing");
        // Every piece of text in the request: the model's name, the roles, our fixed instructions and the caller's
        // own input. Nothing else can have reached the server.
        assertThat(texts(request.body())).isSubsetOf("coach-model", "system", "user",
                SpringAiNarrator.SUMMARY_INSTRUCTIONS, messages.path(1).path("content").asText());
        assertThat(request.body().path("model").asText()).isEqualTo("coach-model");
        assertThat(meters.get("waymark.insight.llm").tag("call", "summarise").tag("outcome", "ok").timer().count())
                .isOne();
    }

    @Test
    void aThemeNameIsTheFirstLineWithoutMarkup() {
        reply = "**Letting go and delegating.**\nThis theme is about...";
        DigestNarrator narrator = narrator("ollama", null, new SimpleMeterRegistry());

        assertThat(narrator.nameTheme(List.of("deputy", "delegate", "let go"), "Delegation"))
                .contains("Letting go and delegating");
        Request request = requests.get(0);
        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(request.body().path("messages").path(1).path("content").asText())
                .isEqualTo("Distinctive words: deputy, delegate, let go\nCurrent name: Delegation");
        assertThat(texts(request.body())).isSubsetOf("coach-model", "system", "user",
                SpringAiNarrator.NAME_INSTRUCTIONS, "Distinctive words: deputy, delegate, let go\nCurrent name: Delegation");

        reply = "x".repeat(SpringAiNarrator.MAX_NAME_CHARS + 1);
        assertThat(narrator.nameTheme(List.of("deputy"), null)).as("not a name").isEmpty();
        assertThat(narrator.nameTheme(List.of(), "Delegation")).as("nothing to name from, no call").isEmpty();
        assertThat(requests).hasSize(2);
    }

    @Test
    void failuresAndTimeOutsAreEmptyAnswersAndCounted() {
        MeterRegistry meters = new SimpleMeterRegistry();
        DigestNarrator narrator = narrator("openai", null, meters);
        status = 500;
        assertThat(narrator.summarise("North Ridge cohort", LINES)).isEmpty();
        assertThat(requests).as("no retries").hasSize(1);

        status = 200;
        delayMillis = 3_000;
        long start = System.nanoTime();
        assertThat(narrator.nameTheme(List.of("rota"), "Workload")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        assertThat(meters.get("waymark.insight.llm").tag("outcome", "failed").timers()).hasSize(2);
    }

    @Test
    void withThePropertyOffNothingIsSent() {
        contexts().withPropertyValues("waymark.insight.llm.base-url=" + baseUrl(), "waymark.insight.llm.model=m")
                .run(context -> {
                    DigestNarrator narrator = context.getBean(DigestNarrator.class);
                    assertThat(narrator).isNotInstanceOf(SpringAiNarrator.class);
                    assertThat(narrator.summarise("North Ridge cohort", LINES)).isEmpty();
                    assertThat(narrator.nameTheme(List.of("rota"), "Workload")).isEmpty();
                });
        assertThat(requests).isEmpty();
    }

    @Test
    void withThePropertyOnAzureGetsItsKeyHeaderAndDeployment() {
        reply = "Capacity under strain";
        contexts().withPropertyValues("waymark.insight.llm.enabled=true", "waymark.insight.llm.provider=azure",
                "waymark.insight.llm.base-url=" + baseUrl() + "/openai", "waymark.insight.llm.model=coach-deployment",
                "waymark.insight.llm.api-key=azure-key").run(context -> {
                    assertThat(context.getBean(DigestNarrator.class).nameTheme(List.of("rota"), "Workload"))
                            .contains("Capacity under strain");
                });
        Request request = requests.get(0);
        assertThat(request.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(request.headers().get("Api-key")).containsExactly("azure-key");
        assertThat(request.headers()).doesNotContainKey("Authorization");
        assertThat(request.body().path("model").asText()).isEqualTo("coach-deployment");
    }

    @Test
    void anEnabledLlmWithoutAModelStopsTheStart() {
        contexts().withPropertyValues("waymark.insight.llm.enabled=true").run(context ->
                assertThat(context).hasFailed());
    }

    private ApplicationContextRunner contexts() {
        return new ApplicationContextRunner().withUserConfiguration(NarratorConfiguration.class)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new);
    }

    private DigestNarrator narrator(String provider, String apiKey, MeterRegistry meters) {
        LlmSettings settings = new LlmSettings(true, provider, baseUrl(), "coach-model", apiKey, null,
                Duration.ofMillis(1_000));
        return new SpringAiNarrator(NarratorConfiguration.chatModel(settings), meters);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }

    /** Every string value anywhere in the JSON document. */
    private static Set<String> texts(JsonNode node) {
        Set<String> out = new HashSet<>();
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.elements().forEachRemaining(child -> out.addAll(texts(child)));
        return out;
    }

    private static String completion(String content) {
        return JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1_700_000_000).put("model", "coach-model")
                .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().put("index", 0)
                        .put("finish_reason", "stop").set("message", JSON.createObjectNode()
                                .put("role", "assistant").put("content", content))))
                .toString();
    }
}
