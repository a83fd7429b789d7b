package com.waymark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole life in Waymark, from install to erasure, with every log event captured: nothing a person wrote or
 * rated, and not their name, may reach a log at INFO or above (where production logs are kept).
 */
class NoPersonalTextInLogsTest extends WaymarkIntegrationTest {

    private static final String NAME = "Oluwaseun Featherstonehaugh";
    private static final String REFLECTION = "The saffron escalation with the tangerine committee left me unable to "
            + "sleep and I can't go on like this";
    private static final String ACTION = "Invite the cobalt night team to the vermilion listening circle";
    /** A rating written next to its label, as a log line about a check-in would put it. */
    private static final Pattern RATINGS =
            Pattern.compile("(?i)\\b(wellbeing|energy)\\b\\W{0,3}\\w{0,10}\\W{0,3}[1-5]\\b");

    @LocalServerPort
    int port;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void aFullConversationLogsNoPersonalText() throws InterruptedException {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        User user = User.fresh(NAME);

        Chat.Person person = new Chat(teams, null).person(user).agree();
        assertThat(person.say("1 2 " + REFLECTION)).as("saved card and support card").hasSize(2);
        person.click(Chat.action("checkin").put("wellbeing", "2").put("energy", "1").put("reflection", REFLECTION)
                .put("quoteOk", "true"));
        person.click("requestCoachCall");
        person.say("add action " + ACTION);
        person.say("done 1");
        person.say("my trend");
        // Through the connector as well as expectReplies: the outbound client is a second place text could leak.
        CONNECTOR.reset();
        assertThat(teams.post(teams.message(user, "my data")).status()).isBetween(200, 202);
        List<JsonNode> sent = CONNECTOR.awaitSent(2, ConnectorStub.PATIENCE,
                a -> a.path("conversation").path("id").asText().equals(user.conversationId()));
        assertThat(sent.get(1).toString()).contains(ACTION).contains("Oluwaseun");
        person.say("who has seen my data");
        person.say("delete my data");
        person.click("confirmErase");

        // Proves the capture sees what the application logs, from any thread, so an empty finding means something.
        Thread other = new Thread(() -> LoggerFactory.getLogger("com.waymark.teams").info("capture canary"));
        other.start();
        other.join();
        assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).isEqualTo("capture canary"));

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(captured.list)) {
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                        + throwable(event.getThrowableProxy()));
            }
        }
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .doesNotContain(REFLECTION.substring(0, 40)).doesNotContain("tangerine committee")
                .doesNotContain(ACTION.substring(0, 30)).doesNotContain("vermilion")
                .doesNotContain(NAME).doesNotContain("Featherstonehaugh").doesNotContain("Oluwaseun")
                .doesNotContainPattern(RATINGS));
    }

    private static String throwable(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy t = proxy; t != null; t = t.getCause()) {
            text.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
