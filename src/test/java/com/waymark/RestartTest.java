package com.waymark;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
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
        var json = new ObjectMapper();

        try (ConfigurableApplicationContext first = start(dataDir)) {
            TeamsClient teams = client(first);
            teams.expectReplies(teams.install(user));
            teams.expectReplies(teams.cardSubmit(user, json.createObjectNode().put("action", "consent")));
            teams.expectReplies(teams.message(user, "3 4 Before the restart"));
            teams.expectReplies(teams.message(user, "add action Survive a restart"));
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            TeamsClient teams = client(second);
            assertThat(teams.expectReplies(teams.message(user, "my actions")).replies().get(0).toString())
                    .contains("Survive a restart");
            assertThat(teams.expectReplies(teams.message(user, "my trend")).replies().get(0).toString())
                    .contains("Check-ins so far").contains("\"value\":\"1\"");
            // Consent and the welcome were remembered: no second welcome, no consent request.
            assertThat(teams.expectReplies(teams.message(user, "4 4 After")).replies().get(0).toString())
                    .contains("Saved");
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
