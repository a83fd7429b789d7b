package com.waymark;

import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The json-logs profile: one ECS JSON object per console line, and still nothing anyone wrote. */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonLogsProfileWritesOneEcsObjectPerLineWithoutMessageText(CapturedOutput output) throws Exception {
        // Logging is set up once per JVM while a context is open; other tests' cached contexts may hold it.
        LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        User user = User.fresh("Jordan Whitfield-Okoro");
        String reflection = "The board meeting about the ward closures went badly";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WaymarkApplication.class)
                .profiles("json-logs")
                .run("--server.port=0", "--waymark.data-dir=" + Files.createTempDirectory("waymark-json-logs-"),
                        "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Chat.Person person = new Chat(new TeamsClient(port, "http://127.0.0.1:9/"), null).person(user).agree();
            person.say("2 2 " + reflection);
            person.say("add action Ask for " + user.name() + "'s view");
        } finally {
            plainLogging();
        }

        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{")).map(JsonLogsTest::parse).toList();
        assertThat(lines).hasSizeGreaterThan(5);
        assertThat(lines).allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("message")).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).contains("Local mode: no MicrosoftAppId is set"));
        assertThat(lines.get(0).toString()).contains("waymark").contains("ecs");
        assertThat(output.getAll()).doesNotContain(reflection).doesNotContain("board meeting")
                .doesNotContain(user.name()).doesNotContain("Whitfield");

        // The JVM's logging is the default's again for the tests after this one, not this profile's JSON.
        LoggerFactory.getLogger(JsonLogsTest.class).info("plain logging again");
        assertThat(output.getOut().lines().filter(line -> line.contains("plain logging again")))
                .singleElement().satisfies(line -> assertThat(line).doesNotStartWith("{"));
    }

    /**
     * Logging is configured once per JVM, and Spring Boot hands the console's structured format to it as a system
     * property that no later context overrides, so the profile's JSON would outlive its context and reach every test
     * that starts or logs after this one: back to Spring Boot's default configuration.
     */
    private static void plainLogging() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        LoggingSystem logging = LoggingSystem.get(JsonLogsTest.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not one JSON object per line: " + line, e);
        }
    }
}
