package com.waymark;

import java.nio.file.Files;
import java.nio.file.Path;

import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** What a participant recorded is still there after the bot restarts: a file database, not memory. */
class RestartTest {

    @Test
    void checkInsActionsAndConsentSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("waymark-restart-");
        User user = User.fresh("Robin Hughes");

        try (ConfigurableApplicationContext first = start(dataDir)) {
            Chat.Person robin = new Chat(client(first), null).person(user).agree();
            robin.say("3 4 Before the restart");
            robin.say("add action Survive a restart");
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Chat.Person robin = new Chat(client(second), null).as(user);
            assertThat(robin.say("my actions").get(0).toString()).contains("Survive a restart");
            assertThat(robin.say("my trend").get(0).toString()).contains("Check-ins so far")
                    .contains("\"value\":\"1\"");
            // Consent and the welcome were remembered: no second welcome, no consent request.
            assertThat(robin.say("4 4 After").get(0).toString()).contains("Saved");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Command-line arguments, not builder defaults: those would lose to application.yml's data-dir.
        return new SpringApplicationBuilder(WaymarkApplication.class)
                .run("--server.port=0", "--waymark.data-dir=" + dataDir);
    }

    private static TeamsClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TeamsClient(port, "http://127.0.0.1:9/");
    }
}
