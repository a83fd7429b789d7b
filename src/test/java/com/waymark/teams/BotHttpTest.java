package com.waymark.teams;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
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

/** The participant's whole first week, driven over HTTP exactly as Teams would drive it. */
class BotHttpTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    com.waymark.privacy.FieldCipher cipher;

    TeamsClient teams;

    @BeforeEach
    void client() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
    }

    @Test
    void installWelcomesOnceWithPrivacyNoticeAndConsentButton() {
        User user = User.fresh("Priya Shah");

        List<JsonNode> replies = teams.expectReplies(teams.install(user)).replies();
        assertThat(replies).hasSize(1);
        JsonNode card = replies.get(0).path("attachments").path(0).path("content");
        CardSchema.assertCardsValid(replies.get(0));
        assertThat(card.toString()).contains("privacy").contains("confidential")
                .contains("5 unless its coach chose another, never fewer than 3").doesNotContain("five people");
        assertThat(card.path("actions").path(0).path("title").asText()).isEqualTo("I agree");

        // Teams sends "bot added" alongside the install: no second welcome.
        assertThat(teams.expectReplies(teams.botAddedPersonal(user)).replies()).isEmpty();

        var stored = db.queryForMap("select time_zone, display_name, conversation_reference from participant "
                + "where aad_object_id = ?", user.aadObjectId());
        assertThat(stored.get("time_zone")).isEqualTo("Europe/London");
        assertThat(stored.get("display_name")).isEqualTo("Priya Shah");
        assertThat((String) stored.get("conversation_reference")).contains(user.conversationId())
                .contains(CONNECTOR.serviceUrl());
    }

    @Test
    void nothingIsRecordedBeforeConsent() {
        User user = User.fresh("Tom Okafor");
        teams.expectReplies(teams.install(user));

        List<JsonNode> replies = teams.expectReplies(teams.message(user, "2 2 A very hard week on the wards")).replies();
        assertThat(text(replies)).contains("need your agreement");
        assertThat(replies).anySatisfy(r -> assertThat(CardSchema.assertCardsValid(r)).isEqualTo(1));
        assertThat(teams.expectReplies(teams.message(user, "add action Rest")).replies()).isNotEmpty();

        assertThat(countFor("check_in", user)).isZero();
        assertThat(countFor("action_item", user)).isZero();
        assertThat(countFor("consent_record", user)).isZero();
    }

    @Test
    void consentCheckInActionsAndTrendOverExpectReplies() {
        User user = User.fresh("Grace O'Neil \"Gee\" $1");
        teams.expectReplies(teams.install(user));

        assertThat(text(teams.expectReplies(teams.cardSubmit(user, obj("action", "consent"))).replies()))
                .contains("Thank you");
        assertThat(countFor("consent_record", user)).isEqualTo(1);

        List<JsonNode> checkInCard = teams.expectReplies(teams.message(user, "check in")).replies();
        assertThat(CardSchema.assertCardsValid(checkInCard.get(0))).isEqualTo(1);
        JsonNode card = checkInCard.get(0).path("attachments").path(0).path("content");
        assertThat(inputIds(card)).containsExactly("wellbeing", "energy", "reflection", "quoteOk");
        String promptId = card.path("actions").path(0).path("data").path("promptId").asText();
        assertThat(promptId).isNotBlank();

        ObjectNode submit = obj("action", "checkin").put("promptId", promptId).put("wellbeing", "4")
                .put("energy", "3").put("reflection", "Tried a new huddle format with the site leads.")
                .put("quoteOk", "true");
        List<JsonNode> saved = teams.expectReplies(teams.cardSubmit(user, submit)).replies();
        CardSchema.assertCardsValid(saved.get(0));
        assertThat(saved.get(0).toString()).contains("Saved").contains("Wellbeing").contains("4");

        var row = db.queryForMap("select wellbeing, energy, prompt_id, reflection, quote_ok, source from check_in c "
                + "join participant p on p.id = c.participant_id where p.aad_object_id = ?", user.aadObjectId());
        assertThat(((Number) row.get("wellbeing")).intValue()).isEqualTo(4);
        assertThat(((Number) row.get("energy")).intValue()).isEqualTo(3);
        assertThat(row).containsEntry("PROMPT_ID", promptId).containsEntry("QUOTE_OK", true).containsEntry("SOURCE", "CARD")
                .doesNotContainEntry("REFLECTION", "Tried a new huddle format with the site leads.");
        // Stored encrypted; what the key opens is what was written.
        assertThat(cipher.decrypt((String) row.get("REFLECTION"))).isEqualTo("Tried a new huddle format with the site leads.");

        // A plain text reply is a check-in too.
        assertThat(teams.expectReplies(teams.message(user, "5/4 Good board meeting")).replies().get(0).toString())
                .contains("Saved");
        assertThat(countFor("check_in", user)).isEqualTo(2);

        assertThat(text(teams.expectReplies(teams.message(user, "add action Hold a listening session")).replies()))
                .contains("Added").contains("number 1");
        teams.expectReplies(teams.message(user, "add action Ask my deputy to chair Thursday's huddle"));
        List<JsonNode> plan = teams.expectReplies(teams.message(user, "my actions")).replies();
        CardSchema.assertCardsValid(plan.get(0));
        assertThat(plan.get(0).toString()).contains("1. Hold a listening session").contains("2. Ask my deputy");

        assertThat(text(teams.expectReplies(teams.message(user, "done 1")).replies())).contains("Done").contains("1 still open");
        assertThat(text(teams.expectReplies(teams.message(user, "done 1")).replies())).contains("already");
        assertThat(text(teams.expectReplies(teams.message(user, "done 7")).replies())).contains("no action number 7");
        assertThat(db.queryForObject("select count(*) from action_event e join action_item a on a.id = e.action_id "
                + "join participant p on p.id = a.participant_id where p.aad_object_id = ?", Integer.class,
                user.aadObjectId())).isEqualTo(3);

        List<JsonNode> trend = teams.expectReplies(teams.message(user, "my trend")).replies();
        CardSchema.assertCardsValid(trend.get(0));
        assertThat(trend.get(0).toString()).contains("4 → 5").contains("3 → 4").contains("Check-ins so far");
    }

    @Test
    void normalDeliveryPostsRepliesToTheConnector() {
        User user = User.fresh("Sam Patel");
        CONNECTOR.reset();

        TeamsClient.Answer answer = teams.post(teams.message(user, "help"));
        assertThat(answer.status()).isBetween(200, 202);

        List<JsonNode> sent = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                a -> a.path("conversation").path("id").asText().equals(user.conversationId()));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("recipient").path("id").asText()).isEqualTo(user.userId());
        assertThat(CardSchema.assertCardsValid(sent.get(0))).isEqualTo(1);
        assertThat(CONNECTOR.calls()).anySatisfy(call -> assertThat(call.path())
                .startsWith("/v3/conversations/" + user.conversationId() + "/activities"));
    }

    @Test
    void helpAndUnknownCommandsGetFriendlyAnswers() {
        User user = consentedUser("Alex Wilber");
        assertThat(String.join("\n", PromisesTest.rendered(teams.expectReplies(teams.message(user, "help")).replies())))
                .contains("check in").contains("add action").contains("my trend");
        assertThat(text(teams.expectReplies(teams.message(user, "what's the weather")).replies()))
                .contains("didn't catch that");
    }

    @Test
    void aParticipantsHelpShowsOnlyWhatTheyCanDoLedByCheckingInWithButtonsAndNothingSwallowed() {
        User user = consentedUser("Hana Help-Participant");
        List<JsonNode> replies = teams.expectReplies(teams.message(user, "help")).replies();
        assertThat(replies).hasSize(1);
        assertThat(CardSchema.assertCardsValid(replies.get(0))).isEqualTo(1);
        List<String> read = PromisesTest.rendered(replies);
        String help = String.join("\n", read);
        assertThat(read.get(1)).as("leads with what to do next").startsWith("- **check in**");
        assertThat(help).contains("join** and the code your coach gave you, for example: join ABC-123")
                .contains("done 1").contains("leave programme** and its name")
                .doesNotContain("For coaches", "create programme", "summary", "pair now", "rename theme");
        assertThat(read).allSatisfy(t -> assertThat(SwallowedPlaceholders.in(t)).as(t).isEmpty());

        // The buttons carry what the typed commands produce, and do it.
        JsonNode actions = replies.get(0).path("attachments").path(0).path("content").path("actions");
        assertThat(actions.findValuesAsText("title")).containsExactly("Check in", "My actions", "My trend");
        JsonNode checkIn = teams.expectReplies(teams.cardSubmit(user, (ObjectNode) actions.get(0).path("data")))
                .replies().get(0);
        assertThat(checkIn.toString()).contains("wellbeing");
        List<String> plan = PromisesTest.rendered(teams.expectReplies(
                teams.cardSubmit(user, (ObjectNode) actions.get(1).path("data"))).replies());
        assertThat(plan).contains("Your action plan")
                .allSatisfy(t -> assertThat(SwallowedPlaceholders.in(t)).as(t).isEmpty());
        assertThat(String.join("\n", plan)).contains("add action Protect Friday afternoons");
    }

    @Test
    void aCoachsHelpAddsTheCoachesCommandsInTheirOwnSection() {
        User coach = consentedUser("Cato Help-Coach");
        teams.expectReplies(teams.message(coach, "create programme Help cohort " + coach.userId().hashCode()));
        List<String> read = PromisesTest.rendered(teams.expectReplies(teams.message(coach, "help")).replies());
        String help = String.join("\n", read);
        assertThat(help).contains("check in").contains("my actions").contains("For coaches")
                .contains("create programme** and its name").contains("add group Blue").contains("summary")
                .contains("pair now").contains("rename theme** Workload **to** Capacity");
        assertThat(read.indexOf("For coaches")).isGreaterThan(0);
        assertThat(read).allSatisfy(t -> assertThat(SwallowedPlaceholders.in(t)).as(t).isEmpty());
        assertThat(text(teams.expectReplies(teams.message(coach, "blah blah")).replies()))
                .contains("didn't catch that").contains("**programme**").contains("Say **help** for more");
    }

    @Test
    void anUnrecognisedMessageGetsAShortAnswerNotTheWholeHelp() {
        User user = consentedUser("Uma Unclear");
        List<JsonNode> replies = teams.expectReplies(teams.message(user, "what's the weather")).replies();
        assertThat(replies).hasSize(1);
        String answer = text(replies);
        assertThat(answer).startsWith("Sorry, I didn't catch that.").contains("**check in**")
                .contains("**my actions**").endsWith("Say **help** for more.")
                .doesNotContain("create programme", "my pairings", "delete my data");
        assertThat(answer.length()).isLessThan(250);
        assertThat(replies.get(0).path("attachments").isMissingNode() || replies.get(0).path("attachments").isEmpty())
                .isTrue();
    }

    User consentedUser(String name) {
        User user = User.fresh(name);
        teams.expectReplies(teams.install(user));
        teams.expectReplies(teams.cardSubmit(user, obj("action", "consent")));
        return user;
    }

    int countFor(String table, User user) {
        return db.queryForObject("select count(*) from " + table + " t join participant p on p.id = t.participant_id "
                + "where p.aad_object_id = ?", Integer.class, user.aadObjectId());
    }

    static String text(List<JsonNode> replies) {
        return String.join("\n", replies.stream().map(r -> r.path("text").asText("")).toList());
    }

    static List<String> inputIds(JsonNode card) {
        return card.findValues("id").stream().map(JsonNode::asText).toList();
    }

    static ObjectNode obj(String key, String value) {
        return JSON.createObjectNode().put(key, value);
    }
}
