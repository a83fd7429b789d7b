package com.waymark.schedule;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import com.waymark.outbox.DeliveryWorker;

/** "Please ask my coach to call me" reaches the coach's 1:1 chat, once, naming the person and the programme. */
@ExtendWith(OutputCaptureExtension.class)
class CoachCallDeliveryTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASKED = "pressed \\\"Please ask my coach to call me\\\"";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CoachCallDelivery delivery;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    com.waymark.care.CoachCallService coachCalls;
    @Autowired
    com.waymark.care.SupportResources support;

    @Test
    void theCoachOfTheProgrammeIsToldOnceAndTheRequestIsMarkedDelivered() {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        User coach = User.fresh("Coach Priya Raman");
        String programme = programmeOf(teams, coach, "Echo cohort ");
        User person = consented(teams, "Tomasz Wilk-Harding");
        join(teams, person, programme);

        String answer = teams.expectReplies(teams.cardSubmit(person, JSON.createObjectNode()
                .put("action", "requestCoachCall"))).body();
        assertThat(answer).contains("I'll pass it on");
        delivery.deliverPending(); // the 30-second tick may get there first: either way, once
        worker.drainAll();

        List<JsonNode> toCoach = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                a -> a.path("conversation").path("id").asText().equals(coach.conversationId())
                        && a.toString().contains(ASKED));
        JsonNode card = toCoach.get(0).path("attachments").path(0).path("content");
        assertThat(card.path("body").path(0).path("text").asText()).as("a card of its own, headed with what to do")
                .isEqualTo("Please call Tomasz Wilk-Harding");
        assertThat(card.toString()).contains(programme).contains("999");
        assertThat(status(person)).isEqualTo("DELIVERED");

        delivery.deliverPending();
        worker.drainAll();
        assertThat(CONNECTOR.sentActivities().stream().filter(a -> a.path("conversation").path("id").asText()
                .equals(coach.conversationId()) && a.toString().contains(ASKED))).as("told once").hasSize(1);
        assertThat(CONNECTOR.sentActivities().stream().filter(a -> a.path("conversation").path("id").asText()
                .equals(person.conversationId()) && a.toString().contains(ASKED))).as("not echoed to the person")
                .isEmpty();
    }

    /**
     * The creator is told "You are its admin and coach": adding a coach does not stop them being told. Everyone on
     * the coaching team gets the card, and it lists the help the person was shown, as configured.
     */
    @Test
    void theAdminWhoCreatedItAndTheCoachTheyAddedAreBothTold() {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        User admin = User.fresh("Coach Harriet Okonjo");
        String programme = programmeOf(teams, admin, "Golf cohort ");
        assertThat(teams.expectReplies(teams.message(admin, "create programme x" + programme)).body())
                .contains("You are its admin and coach");
        teams.expectReplies(teams.message(admin, "use programme " + programme));
        User coach = consented(teams, "Coach Bartosz Nnadi");
        join(teams, coach, programme);
        JsonNode coachesCard = teams.expectReplies(teams.message(admin, "coaches")).replies().get(0)
                .path("attachments").path(0).path("content");
        teams.expectReplies(teams.cardSubmit(admin, JSON.createObjectNode().put("action", "setStaff")
                .put("participantId", com.waymark.support.CardChoices.valueOf(coachesCard, "participantId",
                        "Coach Bartosz")).put("staffRole", "COACH")));
        User person = consented(teams, "Wren Adeyemi-Kerr");
        join(teams, person, programme);

        teams.expectReplies(teams.cardSubmit(person, JSON.createObjectNode().put("action", "requestCoachCall")));
        delivery.deliverPending();
        worker.drainAll();

        for (User told : List.of(admin, coach)) {
            JsonNode card = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                    a -> a.path("conversation").path("id").asText().equals(told.conversationId())
                            && a.toString().contains(ASKED)).get(0).path("attachments").path(0).path("content");
            assertThat(card.path("body").path(0).path("text").asText()).as(told.name())
                    .isEqualTo("Please call Wren Adeyemi-Kerr");
            String shown = card.path("body").path(2).path("text").asText();
            assertThat(shown).startsWith("Their support card lists where to find help: ");
            support.resources().forEach(r -> assertThat(shown).as("the help configured, as their support card shows it")
                    .contains(r.name() + " (" + r.contact() + ")"));
        }
    }

    @Test
    void aPersonWhoErasesTheirDataBeforeTheMessageGoesIsNeitherNamedNorAskedFor() {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        User coach = User.fresh("Coach Ines Maddox");
        String programme = programmeOf(teams, coach, "Foxtrot cohort ");
        User person = consented(teams, "Rhiannon Achebe-Lund");
        join(teams, person, programme);

        worker.stop(); // queued, not yet sent, when the person changes their mind
        try {
            teams.expectReplies(teams.cardSubmit(person, JSON.createObjectNode().put("action", "requestCoachCall")));
            delivery.deliverPending();
            assertThat(db.queryForObject("select payload from outbox_message where kind = 'COACH_CALL' and "
                    + "participant_id = (select id from participant where aad_object_id = ?)", String.class,
                    coach.aadObjectId())).as("ids only").doesNotContain("Rhiannon");
            teams.expectReplies(teams.message(person, "delete my data"));
            teams.expectReplies(teams.cardSubmit(person, JSON.createObjectNode().put("action", "confirmErase")));
        } finally {
            worker.start();
        }
        worker.drainAll();
        assertThat(db.queryForObject("select count(*) from outbox_message where kind = 'COACH_CALL' and status = "
                + "'PENDING' and participant_id = (select id from participant where aad_object_id = ?)", Integer.class,
                coach.aadObjectId())).as("handled, not left to retry").isZero();
        assertThat(CONNECTOR.sentActivities().stream().filter(a -> a.path("conversation").path("id").asText()
                .equals(coach.conversationId()) && a.toString().contains(ASKED))).isEmpty();
    }

    /** Offered only when someone will be told; a request whose coaching team left after it was made waits. */
    @Test
    void aRequestWhoseCoachingTeamLeftSinceStaysPendingForTheNextCoach() {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        User person = consented(teams, "Imani Castellano-Roe");
        coachCalls.request(db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                person.aadObjectId()), null);

        delivery.deliverPending();
        assertThat(status(person)).isEqualTo("PENDING");
    }

    /** Waiting, it is logged once (by id, nothing about the person), not on every 30-second tick. */
    @Test
    void aRequestThatWaitsIsLoggedOnceNotOnEveryTick(CapturedOutput output) {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        User person = consented(teams, "Oluwaseun Marchetti-Hale");
        coachCalls.request(db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                person.aadObjectId()), null);
        long id = db.queryForObject("select r.id from coach_call_request r join participant p on p.id = "
                + "r.participant_id where p.aad_object_id = ?", Long.class, person.aadObjectId());

        for (int tick = 0; tick < 4; tick++) {
            delivery.deliverPending();
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("Request " + id + " for a coach to call has "
                + "waited since"))).as("once in four ticks").hasSize(1).allSatisfy(line -> assertThat(line)
                .contains(" WARN ").contains("It goes to the first coach added to the programme.")
                .doesNotContain(person.name()).doesNotContain("Marchetti"));
    }

    /** The coach installs the app and creates a programme of their own; returns its name. */
    private static String programmeOf(TeamsClient teams, User coach, String namePrefix) {
        teams.expectReplies(teams.install(coach));
        String programme = namePrefix + coach.aadObjectId().substring(0, 8);
        teams.expectReplies(teams.message(coach, "create programme " + programme));
        return programme;
    }

    private void join(TeamsClient teams, User person, String programme) {
        String code = db.queryForObject("select join_code from programme where name = ?", String.class, programme);
        teams.expectReplies(teams.message(person, "join " + code));
    }

    private static User consented(TeamsClient teams, String name) {
        User user = User.fresh(name);
        teams.expectReplies(teams.install(user));
        teams.expectReplies(teams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
        return user;
    }

    private String status(User user) {
        return db.queryForObject("select r.status from coach_call_request r join participant p on p.id = r.participant_id "
                + "where p.aad_object_id = ?", String.class, user.aadObjectId());
    }
}
