package com.waymark.care;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.CardSchema;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** After a check-in that suggests someone is struggling: a kind card with help, and a call only if they ask. */
class SupportCardTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CoachCallService coachCalls;

    TeamsClient teams;
    User user;

    @BeforeEach
    void consentedUser() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        user = User.fresh("Kwame Asante-Doyle");
        teams.expectReplies(teams.install(user));
        submit(JSON.createObjectNode().put("action", "consent"));
        User coach = User.fresh("Coach Saoirse Whitlock");
        teams.expectReplies(teams.install(coach));
        String name = "Support cohort " + coach.aadObjectId().substring(0, 8);
        teams.expectReplies(teams.message(coach, "create programme " + name));
        teams.expectReplies(teams.message(user, "join " + db.queryForObject(
                "select join_code from programme where name = ?", String.class, name)));
    }

    @Test
    void withNobodyToTellTheButtonIsNotOfferedAndTheHelpIsShownAtOnce() {
        User alone = User.fresh("Ngozi Farrant-Bell");
        teams.expectReplies(teams.install(alone));
        teams.expectReplies(teams.cardSubmit(alone, JSON.createObjectNode().put("action", "consent")));
        List<JsonNode> replies = teams.expectReplies(teams.cardSubmit(alone, JSON.createObjectNode()
                .put("action", "checkin").put("wellbeing", "1").put("energy", "1").put("quoteOk", "false"))).replies();
        JsonNode support = card(replies.get(1));
        assertThat(support.toString()).contains("Samaritans").contains("can't ask anyone to call you")
                .doesNotContain("Please ask my coach to call me");
        assertThat(support.path("actions").size()).isZero();

        // An old card's button pressed anyway: nothing recorded, nothing promised, the help straight away.
        List<JsonNode> pressed = teams.expectReplies(teams.cardSubmit(alone, JSON.createObjectNode()
                .put("action", "requestCoachCall"))).replies();
        assertThat(pressed.get(0).path("text").asText()).contains("can't ask anyone to call you")
                .doesNotContain("pass it on");
        assertThat(card(pressed.get(1)).toString()).contains("Samaritans").contains("999");
        assertThat(db.queryForObject("select count(*) from coach_call_request r join participant p "
                + "on p.id = r.participant_id where p.aad_object_id = ?", Integer.class, alone.aadObjectId())).isZero();
    }

    @Test
    void wellbeingOneBringsTheSupportCardWithEveryConfiguredResource() {
        List<JsonNode> replies = checkIn("1", "3", "A long week");
        assertThat(replies).hasSize(2);
        assertThat(cardText(replies.get(0))).contains("Saved");
        JsonNode support = card(replies.get(1));
        assertThat(support.toString()).contains("Looking after yourself").contains("you don't have to carry it")
                .contains("999").contains("Call 111 and choose option 2").contains("116 123")
                .contains("Text SHOUT to 85258").contains("NHS Practitioner Health")
                .contains("Occupational health and employee assistance")
                .contains("hasn't been shared with your coach");
        JsonNode button = support.path("actions").path(0);
        assertThat(button.path("title").asText()).isEqualTo("Please ask my coach to call me");
        assertThat(button.path("data").path("action").asText()).isEqualTo("requestCoachCall");
        assertThat(requests()).as("nothing is recorded until the button is pressed").isZero();
    }

    @Test
    void aFallOfTwoAgainstTheirRecentAverageBringsIt() {
        assertThat(checkIn("4", "4", "Good week")).hasSize(1);
        assertThat(checkIn("4", "3", "")).hasSize(1);
        List<JsonNode> replies = checkIn("2", "3", "Rough");
        assertThat(replies).hasSize(2);
        assertThat(cardText(replies.get(1))).contains("lower than it has been for you recently");
    }

    @Test
    void crisisWordsBringItWhateverTheRatings() {
        List<JsonNode> replies = teams.expectReplies(teams.message(user,
                "4 4 fine on paper but honestly I can’t go on like this")).replies();
        assertThat(replies).hasSize(2);
        assertThat(cardText(replies.get(1))).contains("It sounds like things may be really hard");
    }

    @Test
    void anOrdinaryCheckInDoesNot() {
        assertThat(checkIn("3", "3", "We reviewed the suicide prevention strategy at board")).hasSize(1);
        assertThat(checkIn("2", "2", "Tired but ok")).hasSize(1);
    }

    @Test
    void pressingTheButtonRecordsOneRequestForDelivery() {
        JsonNode data = card(checkIn("1", "1", "").get(1)).path("actions").path(0).path("data");

        String first = submit(data.deepCopy()).get(0).path("text").asText();
        assertThat(first).contains("I've recorded that you'd like your coach to call you").contains("999");
        String again = submit(data.deepCopy()).get(0).path("text").asText();
        assertThat(again).contains("already asked");

        var row = db.queryForMap("select r.status, r.requested_at, r.delivered_at from coach_call_request r "
                + "join participant p on p.id = r.participant_id where p.aad_object_id = ?", user.aadObjectId());
        assertThat(row).containsEntry("STATUS", "PENDING").containsEntry("DELIVERED_AT", null);
        assertThat(row.get("REQUESTED_AT")).isNotNull();
        assertThat(requests()).isOne();
        assertThat(coachCalls.pending()).as("what scheduling will deliver")
                .anySatisfy(r -> assertThat(r.getParticipantId()).isEqualTo(db.queryForObject(
                        "select id from participant where aad_object_id = ?", Long.class, user.aadObjectId())));
    }

    @Test
    void theRequestRemembersTheProgrammeWhoseCoachShouldCall() {
        User coach = User.fresh("Coach Imogen Tarrant");
        teams.expectReplies(teams.install(coach));
        String name = "Delta cohort " + coach.aadObjectId().substring(0, 8);
        teams.expectReplies(teams.message(coach, "create programme " + name));
        String code = db.queryForObject("select join_code from programme where name = ?", String.class, name);
        teams.expectReplies(teams.message(user, "join " + code));

        submit(JSON.createObjectNode().put("action", "requestCoachCall"));
        assertThat(db.queryForObject("select p.name from coach_call_request r "
                + "join programme p on p.id = r.programme_id join participant u on u.id = r.participant_id where u.aad_object_id = ?", String.class,
                user.aadObjectId())).isEqualTo(name);
    }

    private List<JsonNode> checkIn(String wellbeing, String energy, String reflection) {
        ObjectNode data = JSON.createObjectNode().put("action", "checkin").put("wellbeing", wellbeing)
                .put("energy", energy).put("reflection", reflection).put("quoteOk", "false");
        return submit(data);
    }

    private List<JsonNode> submit(JsonNode data) {
        return teams.expectReplies(teams.cardSubmit(user, data)).replies();
    }

    private int requests() {
        return db.queryForObject("select count(*) from coach_call_request r join participant p "
                + "on p.id = r.participant_id where p.aad_object_id = ?", Integer.class, user.aadObjectId());
    }

    private static JsonNode card(JsonNode reply) {
        assertThat(CardSchema.assertCardsValid(reply)).isEqualTo(1);
        return reply.path("attachments").path(0).path("content");
    }

    private static String cardText(JsonNode reply) {
        return card(reply).toString();
    }
}
