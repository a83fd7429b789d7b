package com.waymark.teams;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.CardSchema;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every real Teams payload in ../shared/fixtures/teams is handled sensibly: a 2xx, and the right reply. */
class TeamsFixturesTest extends WaymarkIntegrationTest {

    @LocalServerPort
    int port;

    TeamsClient teams;

    @BeforeEach
    void client() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-message-personal-clientinfo.json", "02-message-personal-command.json",
            "03-message-channel-mention.json", "04-conversationUpdate-bot-added-personal.json",
            "05-conversationUpdate-bot-added-team-sentry.json", "06-conversationUpdate-bot-removed-team-sentry.json",
            "07-conversationUpdate-bot-added-team-docs.json", "08-conversationUpdate-user-removed-team.json",
            "09-conversationUpdate-channel-created.json", "10-conversationUpdate-team-renamed.json",
            "11-installationUpdate-add-team-docs.json", "12-installationUpdate-add-team-sentry.json",
            "13-messageReaction-added.json", "14-messageReaction-removed.json",
            "15-invoke-handoff-action-personal.json", "16-invoke-adaptiveCard-action-refresh-COMPOSED.json",
            "17-invoke-adaptiveCard-action-execute-COMPOSED.json",
            "playground/1-conversationUpdate.json", "playground/2-installationUpdate.json",
            "playground/3-message.json"})
    void everyFixtureIsAcceptedAndEveryReplyIsAValidCardOrText(String name) {
        ObjectNode activity = teams.fixture(name);
        activity.put("id", activity.path("id").asText("x") + "-" + System.nanoTime());
        TeamsClient.Answer answer = teams.expectReplies(activity);
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        for (JsonNode reply : answer.replies()) {
            CardSchema.assertCardsValid(reply);
            assertThat(reply.toString()).doesNotContain("Exception");
        }
    }

    @Test
    void theNonActivityFixtureIsRefusedAsMalformed() {
        assertThat(teams.post(teams.fixture("18-invokeResponse-adaptiveCard-action.json")).status()).isEqualTo(400);
    }

    @Test
    void aCaptureWithoutServiceUrlIsRefusedWithAReason() {
        TeamsClient.Answer answer = teams.post(teams.fixture("19-message-actionSubmit-value-sentry.json"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("serviceUrl");
    }

    @Test
    void aChannelCardSubmitIsPointedToThePrivateChat() {
        ObjectNode activity = teams.fixture("19-message-actionSubmit-value-sentry.json");
        activity.put("serviceUrl", CONNECTOR.serviceUrl());
        List<JsonNode> replies = teams.expectReplies(activity).replies();
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).path("text").asText()).contains("1:1 chat");
    }

    @Test
    void personalMessageFromANewcomerIsWelcomedWithTheirTimeZone() {
        ObjectNode activity = teams.fixture("01-message-personal-clientinfo.json");
        activity.with("from").put("aadObjectId", java.util.UUID.randomUUID().toString());
        CONNECTOR.reset();
        assertThat(teams.post(activity).status()).isBetween(200, 299);
        List<JsonNode> sent = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE, a -> true);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).toString()).contains("Welcome to Waymark").contains("I agree");
    }

    @Test
    void channelMentionIsPointedToThePrivateChatAndNothingIsEchoed() {
        List<JsonNode> replies = teams.expectReplies(teams.fixture("03-message-channel-mention.json")).replies();
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).path("text").asText()).contains("1:1 chat");
    }

    @Test
    void universalActionInvokeAnswersWithACardInPlace() {
        TeamsClient.Answer answer = teams.post(teams.fixture("17-invoke-adaptiveCard-action-execute-COMPOSED.json"));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        CardSchema.assertValid(body.path("value"));
    }
}
