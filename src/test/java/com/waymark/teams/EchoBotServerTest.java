package com.waymark.teams;

import com.microsoft.bot.builder.Bot;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The load benchmark's baseline bot answers through Waymark's edge, and never becomes part of Waymark itself. */
class EchoBotServerTest extends WaymarkIntegrationTest {

    @Autowired
    ApplicationContext waymark;

    @Test
    void echoesThroughTheSameControllerWithExpectReplies() {
        try (EchoBotServer echo = EchoBotServer.start("--logging.level.root=WARN")) {
            TeamsClient teams = new TeamsClient(echo.port(), CONNECTOR.serviceUrl());
            User user = User.fresh("Echo Tester");
            TeamsClient.Answer answer = teams.expectReplies(teams.message(user, "hello there"));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.replies()).hasSize(1);
            assertThat(answer.replies().get(0).path("text").asText()).isEqualTo("Echo: hello there");
            // The controller's own guards are there too.
            assertThat(teams.post("{not json").status()).isEqualTo(400);
        }
    }

    @Test
    void theEchoBotRunsAsManyTurnsAtOnceAsWaymark() {
        assertThat(waymark.getEnvironment().getProperty("server.tomcat.threads.max"))
                .isEqualTo(EchoBotServer.TOMCAT_THREADS);
    }

    @Test
    void theApplicationsComponentScanPassesTheEchoBotBy() {
        assertThat(waymark.getBeansOfType(Bot.class).values()).singleElement().isInstanceOf(WaymarkBot.class);
        assertThat(waymark.getBeansOfType(BotController.class)).hasSize(1);
        assertThat(waymark.getBeanNamesForType(EchoBotServer.EchoApplication.class)).isEmpty();
    }
}
