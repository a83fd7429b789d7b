package com.waymark.teams;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear, kind answer or a 4xx, never a 500, never a stack trace, never a half-written row. */
class BadInputTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    TeamsClient teams;
    User user;

    @BeforeEach
    void consentedUser() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        user = User.fresh("Morgan Lee");
        teams.expectReplies(teams.install(user));
        teams.expectReplies(teams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2,3]", "\"just a string\"", "{}", "{\"type\": \"\"}",
            "{\"type\": 42}", "{\"type\":\"message\",\"from\":\"not an object\"}", "null"})
    void malformedBodiesGetA400WithAReason(String body) {
        TeamsClient.Answer answer = teams.post(body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void emptyAndOversizedBodiesAreRefused() {
        assertThat(teams.post("").status()).isEqualTo(400);
        ObjectNode huge = teams.message(user, "x".repeat(300_000));
        assertThat(teams.post(huge).status()).isEqualTo(413);
        assertThat(checkIns()).isZero();
    }

    /** Found by ActivityFuzzTest: an invoke whose sender's Entra id was 100 characters failed the turn (501). */
    @Test
    void idsLongerThanTeamsSendsAreRefusedAsMalformed() {
        ObjectNode invoke = teams.message(user, "");
        invoke.remove("text");
        invoke.put("type", "invoke").put("name", "adaptiveCard/action");
        invoke.putObject("value").put("trigger", "manual").putObject("action").put("type", "Action.Execute")
                .put("verb", "checkin").putObject("data").put("wellbeing", "4").put("energy", "4");
        ((ObjectNode) invoke.get("from")).put("aadObjectId", "a".repeat(100));
        TeamsClient.Answer answer = teams.post(invoke);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("longer than Teams sends");
        ObjectNode message = teams.message(user, "4 4 fine");
        ((ObjectNode) message.get("conversation")).put("tenantId", "t".repeat(65));
        assertThat(teams.post(message).status()).isEqualTo(400);
        assertThat(checkIns()).isZero();
    }

    /** Found by ActivityFuzzTest: a Universal Action whose action is an empty object failed its turn (501). */
    @Test
    void aUniversalActionWithoutATypeIsRefusedNotFailed() {
        ObjectNode invoke = teams.message(user, "");
        invoke.remove("text");
        invoke.put("type", "invoke").put("name", "adaptiveCard/action");
        invoke.putObject("value").put("trigger", "manual").putObject("action");
        assertThat(teams.post(invoke).status()).isLessThan(500);
        assertThat(checkIns()).isZero();
    }

    @Test
    void fiftyKilobytesOfTextGetsAKindReplyAndStoresNothing() {
        List<JsonNode> replies = teams.expectReplies(teams.message(user, "4 4 " + "so much to say ".repeat(3_400)))
                .replies();
        assertThat(BotHttpTest.text(replies)).contains("more than the 4000").contains("Nothing was saved");
        assertThat(checkIns()).isZero();
    }

    @Test
    void cardSubmitWithJunkValuesExplainsAndStoresNothing() {
        ObjectNode junk = JSON.createObjectNode().put("action", "checkin").put("wellbeing", "banana")
                .put("energy", 9).put("promptId", "no-such-prompt");
        junk.putObject("reflection").put("nested", true);
        String reply = BotHttpTest.text(teams.expectReplies(teams.cardSubmit(user, junk)).replies());
        assertThat(reply).contains("wellbeing rating from 1 to 5").contains("energy rating from 1 to 5")
                .contains("nothing was stored");
        assertThat(checkIns()).isZero();
    }

    @Test
    void cardSubmitWithMissingFieldsExplainsAndStoresNothing() {
        String reply = BotHttpTest.text(teams.expectReplies(teams.cardSubmit(user,
                JSON.createObjectNode().put("action", "checkin"))).replies());
        assertThat(reply).contains("wellbeing rating").contains("energy rating");
        reply = BotHttpTest.text(teams.expectReplies(teams.cardSubmit(user,
                JSON.createObjectNode().put("somethingElse", 1))).replies());
        assertThat(reply).contains("couldn't tell what that card was for");
        assertThat(checkIns()).isZero();
    }

    @Test
    void overlongReflectionInACardIsRefusedWhole() {
        ObjectNode submit = JSON.createObjectNode().put("action", "checkin").put("wellbeing", "3").put("energy", "3")
                .put("reflection", "r".repeat(4_001));
        assertThat(BotHttpTest.text(teams.expectReplies(teams.cardSubmit(user, submit)).replies()))
                .contains("longer than 4000");
        assertThat(checkIns()).isZero();
    }

    @Test
    void badActionCommandsAreExplained() {
        assertThat(BotHttpTest.text(teams.expectReplies(teams.message(user, "add action")).replies()))
                .contains("Tell me the action");
        assertThat(BotHttpTest.text(teams.expectReplies(teams.message(user, "done abc")).replies()))
                .contains("Which action?");
        assertThat(BotHttpTest.text(teams.expectReplies(teams.message(user, "done 99999999999")).replies()))
                .contains("Which action?");
        assertThat(db.queryForObject("select count(*) from action_item a join participant p on p.id = a.participant_id "
                + "where p.aad_object_id = ?", Integer.class, user.aadObjectId())).isZero();
    }

    @Test
    void unknownActivityTypesAndMissingSendersAreIgnoredQuietly() {
        ObjectNode odd = teams.message(user, "hello");
        odd.put("type", "somethingNew");
        assertThat(teams.post(odd).status()).isBetween(200, 299);

        ObjectNode anonymous = teams.message(user, "hello");
        anonymous.remove("from");
        assertThat(teams.expectReplies(anonymous).status()).isBetween(200, 299);

        ObjectNode badServiceUrl = teams.message(user, "help");
        badServiceUrl.put("serviceUrl", "not a url");
        assertThat(teams.post(badServiceUrl).status()).isBetween(400, 499);
    }

    @Test
    void junkLocalesAreIgnoredAndNeverBecomeTheServersLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        for (String locale : List.of("not a locale!", "th-TH-u-nu-thai", "x".repeat(500), "de-DE", "")) {
            ObjectNode message = teams.message(user, "my actions");
            message.put("locale", locale);
            assertThat(teams.expectReplies(message).status()).as(locale).isEqualTo(200);
        }
        assertThat(java.util.Locale.getDefault()).isEqualTo(before);
    }

    @Test
    void activitiesWithoutAConversationAreRefusedWithAReason() {
        // Found by ActivityFuzzTest: a team "members added" without conversation.id was a 500.
        ObjectNode added = teams.teamMembersChanged("19:no-conversation@thread.tacv2", "membersAdded",
                JSON.createObjectNode().put("id", TeamsClient.BOT_ID));
        added.with("conversation").remove("id");
        TeamsClient.Answer answer = teams.expectReplies(added);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("conversation");
        ObjectNode none = teams.message(user, "help");
        none.remove("conversation");
        assertThat(teams.expectReplies(none).status()).isEqualTo(400);
    }

    int checkIns() {
        return db.queryForObject("select count(*) from check_in c join participant p on p.id = c.participant_id "
                + "where p.aad_object_id = ?", Integer.class, user.aadObjectId());
    }
}
