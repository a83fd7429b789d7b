package com.waymark.care;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** After a check-in that suggests someone is struggling: a kind card with help, and a call only if they ask. */
class SupportCardTest extends WaymarkIntegrationTest {


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CoachCallService coachCalls;

    Chat chat;
    Person user;

    @BeforeEach
    void consentedUser() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
        Coach coach = chat.coach("Coach Saoirse Whitlock").createsUnique("Support cohort");
        user = chat.person("Kwame Asante-Doyle").agree().joins(coach);
    }

    @Test
    void withNobodyToTellTheButtonIsNotOfferedAndTheHelpIsOneTapAway() {
        Person alone = chat.person("Ngozi Farrant-Bell").agree();
        List<JsonNode> replies = alone.click(Chat.action("checkin").put("wellbeing", "1").put("energy", "1")
                .put("quoteOk", "false"));
        JsonNode support = card(replies.get(1));
        assertThat(buttons(support)).containsExactly("Where to find support");
        assertThat(support.toString()).doesNotContain("999").doesNotContain("Samaritans");

        // An old card's button pressed anyway: nothing recorded, nothing promised, every place to turn straight away.
        List<JsonNode> pressed = alone.click("requestCoachCall");
        assertThat(pressed.get(0).path("text").asText()).contains("can't ask anyone to call you")
                .doesNotContain("pass it on");
        JsonNode all = card(pressed.get(1));
        assertThat(all.toString()).contains("Samaritans").contains("If you are in danger now, call 999.")
                .contains("can't ask anyone to call you");
        assertThat(all.path("actions").size()).isZero();
        assertThat(db.queryForObject("select count(*) from coach_call_request r join participant p "
                + "on p.id = r.participant_id where p.aad_object_id = ?", Integer.class, alone.aadObjectId())).isZero();
    }

    /** Tier one: a chief executive's one hard week gets a warm line and an offer, not emergency numbers. */
    @Test
    void oneLowWeekBringsAWarmLineAndAnOfferNeverEmergencyNumbers() {
        List<JsonNode> replies = checkIn("1", "3", "A long week");
        assertThat(replies).hasSize(2);
        assertThat(cardText(replies.get(0))).contains("Saved");
        JsonNode support = card(replies.get(1));
        assertThat(support.toString()).contains("Hard weeks come to the most capable leaders")
                .contains("I can ask your coach to call you").contains("hasn't been shared with your coach");
        assertCalm(support);
        assertThat(buttons(support)).containsExactly("Please ask my coach to call me", "Where to find support");
        assertThat(support.path("actions").path(0).path("data").path("action").asText()).isEqualTo("requestCoachCall");
        assertThat(requests()).as("nothing is recorded until the button is pressed").isZero();

        // The second button is the support card, every place to turn, danger line included.
        JsonNode all = card(submit(support.path("actions").path(1).path("data").deepCopy()).get(0));
        assertEveryResource(all);
        assertThat(buttons(all)).containsExactly("Please ask my coach to call me");
    }

    @Test
    void aFallOfTwoAgainstTheirRecentAverageIsALowWeekToo() {
        assertThat(checkIn("4", "4", "Good week")).hasSize(1);
        assertThat(checkIn("4", "3", "")).hasSize(1);
        List<JsonNode> replies = checkIn("2", "3", "Rough");
        assertThat(replies).hasSize(2);
        JsonNode support = card(replies.get(1));
        assertThat(support.toString()).contains("harder than usual for you");
        assertCalm(support);
    }

    /** Tier two: low for three check-ins running, a clearer offer of a call and staff wellbeing support. */
    @Test
    void aLowRunBringsAClearerOfferAndStaffWellbeingSupportStillNoEmergencyNumbers() {
        assertThat(checkIn("2", "3", "Busy")).as("one 2 on its own is not a fall").hasSize(1);
        assertThat(checkIn("2", "2", "Busy again")).hasSize(1);
        List<JsonNode> replies = checkIn("2", "2", "Same");
        assertThat(replies).hasSize(2);
        JsonNode support = card(replies.get(1));
        assertThat(support.toString()).contains("Your last few check-ins have been low")
                .contains("Would a call with your coach help?").contains("NHS Practitioner Health")
                .contains("Staff wellbeing and employee assistance");
        assertCalm(support);
        assertThat(buttons(support)).containsExactly("Please ask my coach to call me", "Where to find support");
        assertThat(checkIn("4", "4", "Better")).as("a good week ends the run").hasSize(1);
    }

    /** Tier three: only the person's own words bring the danger line and every route, emergency ones first. */
    @Test
    void wordsThatSuggestRiskBringTheUrgentCardWhateverTheRatings() {
        List<JsonNode> replies = user.say("4 4 fine on paper but honestly I can’t go on like this");
        assertThat(replies).hasSize(2);
        JsonNode support = card(replies.get(1));
        assertThat(support.toString()).contains("It sounds like things may be really hard");
        assertEveryResource(support);
        assertThat(buttons(support)).containsExactly("Please ask my coach to call me");
    }

    @Test
    void supportShowsEveryPlaceToTurnAtAnyTimeEvenBeforeAgreeing() {
        assertEveryResource(card(user.say("support").get(0)));
        Person newcomer = chat.person("Aoife Brennan-Sho");
        JsonNode card = card(newcomer.say("Support").get(0));
        assertEveryResource(card);
        assertThat(card.toString()).contains("can't ask anyone to call you");
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
        assertThat(first).contains("I've recorded that you'd like your coach to call you").contains("support")
                .as("a low week's button: no emergency number in the answer either").doesNotContain("999");
        String again = submit(data.deepCopy()).get(0).path("text").asText();
        assertThat(again).contains("already asked");

        var row = db.queryForMap("select r.status, r.requested_at, r.delivered_at from coach_call_request r "
                + "join participant p on p.id = r.participant_id where p.aad_object_id = ?", user.aadObjectId());
        assertThat(row).containsEntry("STATUS", "PENDING").containsEntry("DELIVERED_AT", null);
        assertThat(row.get("REQUESTED_AT")).isNotNull();
        assertThat(requests()).isOne();
        assertThat(coachCalls.pending()).as("what scheduling will deliver")
                .anySatisfy(r -> assertThat(r.participantId()).isEqualTo(db.queryForObject(
                        "select id from participant where aad_object_id = ?", Long.class, user.aadObjectId())));
    }

    @Test
    void theRequestRemembersTheProgrammeWhoseCoachShouldCall() {
        Coach coach = chat.coach("Coach Imogen Tarrant").createsUnique("Delta cohort");
        String name = coach.programme();
        user.joins(coach);

        user.click("requestCoachCall");
        assertThat(db.queryForObject("select p.name from coach_call_request r "
                + "join programme p on p.id = r.programme_id join participant u on u.id = r.participant_id where u.aad_object_id = ?", String.class,
                user.aadObjectId())).isEqualTo(name);
    }

    /** Nothing a low rating alone should bring: emergency numbers, the danger line, crisis services. */
    private static void assertCalm(JsonNode card) {
        assertThat(card.toString()).doesNotContain("999").doesNotContain("111").doesNotContain("116 123")
                .doesNotContain("Samaritans").doesNotContain("SHOUT").doesNotContain("danger")
                .doesNotContain("emergency").doesNotContain("crisis");
    }

    private void assertEveryResource(JsonNode card) {
        assertThat(card.toString()).contains("If you are in danger now, call 999.").contains("Call 999")
                .contains("Call 111 and choose option 2").contains("116 123").contains("Text SHOUT to 85258")
                .contains("NHS Practitioner Health").contains("Staff wellbeing and employee assistance");
    }

    private static List<String> buttons(JsonNode card) {
        List<String> titles = new java.util.ArrayList<>();
        card.path("actions").forEach(a -> titles.add(a.path("title").asText()));
        return titles;
    }

    private List<JsonNode> checkIn(String wellbeing, String energy, String reflection) {
        ObjectNode data = Chat.action("checkin").put("wellbeing", wellbeing)
                .put("energy", energy).put("reflection", reflection).put("quoteOk", "false");
        return submit(data);
    }

    private List<JsonNode> submit(JsonNode data) {
        return user.click(data);
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
