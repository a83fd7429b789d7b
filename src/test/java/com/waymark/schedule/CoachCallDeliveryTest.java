package com.waymark.schedule;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
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

    Chat chat;

    @BeforeEach
    void chat() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
    }

    @Test
    void theCoachOfTheProgrammeIsToldOnceAndTheRequestIsMarkedDelivered() {
        Coach coach = chat.coach("Coach Priya Raman").createsUnique("Echo cohort");
        String programme = coach.programme();
        Person person = chat.person("Tomasz Wilk-Harding").agree().joins(coach);

        String answer = person.click("requestCoachCall").toString();
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
        Coach admin = chat.coach("Coach Harriet Okonjo").createsUnique("Golf cohort");
        String programme = admin.programme();
        assertThat(admin.say("create programme x" + programme).toString()).contains("You are its admin and coach");
        admin.say("use programme " + programme);
        Person coach = chat.person("Coach Bartosz Nnadi").agree().joins(admin);
        admin.click(Chat.action("setStaff").put("participantId", admin.say("coaches").choice("participantId",
                "Coach Bartosz")).put("staffRole", "COACH"));
        Person person = chat.person("Wren Adeyemi-Kerr").agree().joins(admin);

        person.click("requestCoachCall");
        delivery.deliverPending();
        worker.drainAll();

        for (Person told : List.of(admin, coach)) {
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
        Coach coach = chat.coach("Coach Ines Maddox").createsUnique("Foxtrot cohort");
        Person person = chat.person("Rhiannon Achebe-Lund").agree().joins(coach);

        worker.stop(); // queued, not yet sent, when the person changes their mind
        try {
            person.click("requestCoachCall");
            delivery.deliverPending();
            assertThat(db.queryForObject("select payload from outbox_message where kind = 'COACH_CALL' and "
                    + "participant_id = (select id from participant where aad_object_id = ?)", String.class,
                    coach.aadObjectId())).as("ids only").doesNotContain("Rhiannon");
            person.say("delete my data");
            person.click("confirmErase");
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
        Person person = chat.person("Imani Castellano-Roe").agree();
        coachCalls.request(person.id(), null);

        delivery.deliverPending();
        assertThat(status(person)).isEqualTo("PENDING");
    }

    /** Waiting, it is logged once (by id, nothing about the person), not on every 30-second tick. */
    @Test
    void aRequestThatWaitsIsLoggedOnceNotOnEveryTick(CapturedOutput output) {
        Person person = chat.person("Oluwaseun Marchetti-Hale").agree();
        coachCalls.request(person.id(), null);
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

    private String status(Person user) {
        return db.queryForObject("select r.status from coach_call_request r join participant p on p.id = r.participant_id "
                + "where p.aad_object_id = ?", String.class, user.aadObjectId());
    }
}
