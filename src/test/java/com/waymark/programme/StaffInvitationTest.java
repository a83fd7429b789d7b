package com.waymark.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.schedule.CheckInPlanner;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat.Coach;
import com.waymark.support.TeamsClient;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Person;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, item 5: staff need not be participants. An admin invites someone who doesn't take part with a code from
 * the coaches card; whoever sends it in their own 1:1 chat, in the programme's tenant, within 7 days, joins the
 * coaching team once, and only that: no membership, so no check-ins, no pairing, no place in the figures. Every
 * clause of the card's text is tried here over HTTP, with the one answer for codes that are not theirs.
 */
class StaffInvitationTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_TENANT = "5d0c7b2a-9e8f-4c3d-a1b2-c3d4e5f6a7b8";
    private static final Pattern CODE = Pattern.compile("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
    private static final String NOT_AN_INVITATION = "isn't an invitation I can accept for you";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CheckInPlanner planner;
    @Autowired
    com.waymark.outbox.DeliveryWorker worker;

    Chat chat;
    Coach admin;
    String programme;
    long programmeId;

    @BeforeEach
    void anAdminWithAProgrammeAndOneParticipant() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        admin = chat.coach("Dr Selin Achterberg").agree().createsUnique("Invite cohort");
        programme = admin.programme();
        programmeId = admin.programmeId();
        chat.person("Ayo Fairweather-Lim").agree().joins(admin);
        JsonNode schedule = JSON.createObjectNode().put("action", "saveSchedule").put("everyWeeks", "1")
                .put("weekdays", "MONDAY").put("time", "09:00").put("openHours", "48").put("remindAfterHours", "24")
                .put("groupId", "");
        assertThat(text(admin.click(schedule))).contains("every Monday at 09:00");
    }

    @Test
    void someoneWhoDoesNotTakePartJoinsTheCoachingTeamAndOnlyThat() {
        JsonNode card = card(admin.say("coaches"));
        assertThat(card.toString()).contains(ProgrammeCardsText.TERMS);
        String code = code(text(admin.click(inviteButton(card, "Invite a coach"))));

        // Someone who has never talked to Waymark: their first message is the code.
        Person outsider = chat.stranger("Prof Halvard Mensah-Oyelaran");
        String welcome = text(outsider.say("accept invitation " + code.toLowerCase().replace("-", " ")));
        assertThat(welcome).contains("Welcome to the coaching team of \"" + programme + "\": you are now a coach")
                .contains("You don't take part in it: you get no check-ins for it, are never paired in it and are "
                        + "never counted in its figures.");
        long outsiderId = outsider.id();
        assertThat(db.queryForObject("select role from programme_staff where programme_id = ? and participant_id = ?",
                String.class, programmeId, outsiderId)).isEqualTo("COACH");
        assertThat(db.queryForObject("select count(*) from membership where participant_id = ?", Integer.class,
                outsiderId)).as("not a participant").isZero();

        // Coaches: they read the programme and its reports as any coach.
        assertThat(card(outsider.say("programme")).toString()).contains(programme);
        assertThat(card(admin.say("coaches")).toString()).contains("Prof Halvard Mensah-Oyelaran");
        assertThat(card(outsider.say("my programmes")).toString()).contains(programme + " – coach");

        // No check-ins: the weekly rhythm plans for the participant, never for them.
        planner.planAll();
        assertThat(db.queryForObject("select count(*) from checkin_occurrence where participant_id = ?",
                Integer.class, outsiderId)).isZero();
        assertThat(db.queryForObject("select count(*) from checkin_occurrence o join membership m on "
                + "m.participant_id = o.participant_id where m.programme_id = ?", Integer.class, programmeId))
                .as("the rhythm does plan for the participant").isPositive();
        // Never counted: the programme still has its one participant.
        assertThat(card(admin.say("programme")).toString()).contains("\"value\":\"1 taking part");

        // It works once, for whoever sends it first.
        Person second = chat.person("Rosa Delacroix-Ndiaye").agree();
        assertThat(text(second.say("accept invitation " + code))).contains(NOT_AN_INVITATION);
        assertThat(db.queryForObject("select count(*) from programme_staff where participant_id = ?", Integer.class,
                second.id())).isZero();
    }

    /** The admin who made the invitation hears, briefly, in their own 1:1 chat, that it was accepted; nobody else. */
    @Test
    void theInvitingAdminIsToldWhenTheirInvitationIsAccepted() {
        String code = code(text(admin.say("invite admin")));
        Person joiner = chat.person("Dr Oluwaseun Harcourt-Vale").agree();
        assertThat(text(joiner.say("accept invitation " + code))).contains("you are now an admin");
        worker.drainAll();

        String told = "Dr Oluwaseun Harcourt-Vale accepted your invitation: they are now an admin of \"" + programme
                + "\". Say \"coaches\" to see the team.";
        List<JsonNode> toAdmin = CONNECTOR.awaitSent(1, com.waymark.bench.ConnectorStub.PATIENCE,
                a -> a.path("conversation").path("id").asText().equals(admin.conversationId())
                        && a.path("text").asText().contains("accepted your invitation"));
        assertThat(toAdmin).singleElement().satisfies(a -> assertThat(a.path("text").asText()).isEqualTo(told));
        assertThat(CONNECTOR.sentActivities().stream().filter(a -> a.path("text").asText()
                .contains("Harcourt-Vale accepted")).toList()).as("told once, and only to the admin").hasSize(1);

        // Someone who erases their data before the message goes is not named: it is not sent at all.
        worker.stop();
        try {
            String second = code(text(admin.say("invite coach")));
            Person brief = chat.person("Tamsin Okafor-Lindgren").agree();
            brief.say("accept invitation " + second);
            brief.click(JSON.createObjectNode().put("action", "confirmErase"));
        } finally {
            worker.start();
        }
        worker.drainAll();
        assertThat(CONNECTOR.sentActivities().stream().filter(a -> a.toString().contains("Okafor-Lindgren")).toList())
                .isEmpty();
    }

    @Test
    void theSameAnswerForUnknownExpiredForeignTenantAndWithdrawnInvitations() throws Exception {
        JsonNode card = card(admin.say("coaches"));
        String forForeigner = code(text(admin.click(inviteButton(card, "Invite an admin"))));
        String expired = code(text(admin.say("invite coach")));
        String fromAFormerAdmin = code(text(admin.say("invite coach")));
        assertThat(db.update("update staff_invitation set expires_at = ? where code_hash = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), sha256(expired))).isOne();

        Person foreigner = chat.person("Lars Bergqvist-Achebe", OTHER_TENANT).agree();
        Person colleague = chat.person("Nia Castellanos-Burke").agree();
        List<String> answers = new ArrayList<>();
        answers.add(text(foreigner.say("accept invitation " + forForeigner)));
        answers.add(text(colleague.say("accept invitation " + expired)));
        answers.add(text(colleague.say("accept invitation ABCD-EFGH-JKMN")));
        answers.add(text(colleague.say("accept invitation not-a-code")));

        // An admin's invitation goes with their place on the team.
        Person otherAdmin = chat.person("Tomas Ferreira-Okafor").agree();
        String promote = code(text(admin.say("invite admin")));
        assertThat(text(otherAdmin.say("accept invitation " + promote))).contains("you are now an admin");
        String hisInvitation = code(text(otherAdmin.say("invite coach")));
        assertThat(text(admin.click(JSON.createObjectNode().put("action", "setStaff").put("participantId",
                com.waymark.support.CardChoices.valueOf(card(admin.say("coaches")), "participantId", "Tomas"))
                .put("staffRole", "NONE")))).contains("no longer on the coaching team");
        answers.add(text(colleague.say("accept invitation " + hisInvitation)));

        assertThat(answers).allSatisfy(a -> assertThat(a).contains(NOT_AN_INVITATION)
                .doesNotContain(programme).doesNotContain("Selin"));
        assertThat(answers.stream().distinct().count()).as("one answer, whatever the reason").isOne();
        assertThat(db.queryForObject("select count(*) from programme_staff where participant_id in (?, ?)",
                Integer.class, foreigner.id(), colleague.id())).isZero();
        assertThat(text(colleague.say("accept invitation " + fromAFormerAdmin))).contains("you are now a coach");
    }

    @Test
    void onlyTheAdminTheCardWasMadeForCanInviteWithIt() {
        JsonNode button = inviteButton(card(admin.say("coaches")), "Invite a coach");
        Person coach = chat.person("Imogen Watanabe-Hale").agree();
        coach.say("accept invitation " + code(text(admin.click(button))));

        assertThat(text(coach.click(button))).as("a card id made for someone else")
                .isEqualTo(ProgrammeService.NOT_YOURS);
        assertThat(text(coach.click(((ObjectNode) button.deepCopy()).put("programmeId", "junk"))))
                .isEqualTo(ProgrammeService.NOT_YOURS);
        assertThat(text(coach.click(inviteButton(card(coach.say("coaches")), "Invite a coach"))))
                .contains("Only admins of").doesNotContain("accept invitation");
        assertThat(text(coach.say("invite admin"))).contains("Only admins of");
        assertThat(text(admin.click(((ObjectNode) button.deepCopy()).put("staffRole", "OWNER"))))
                .contains("invite a coach or an admin");
        assertThat(db.queryForObject("select count(*) from staff_invitation where invited_by = ?", Integer.class,
                coach.id())).isZero();
    }

    @Test
    void anAdminsErasureTakesTheirInvitationsWithIt() {
        String code = code(text(admin.say("invite coach")));
        assertThat(db.queryForObject("select count(*) from staff_invitation where invited_by = ?", Integer.class,
                admin.id())).isOne();
        assertThat(db.queryForObject("select code_hash from staff_invitation where invited_by = ?", String.class,
                admin.id())).as("only a hash is stored").doesNotContain(code).hasSize(64);
        long adminId = admin.id();
        admin.say("delete my data");
        admin.click(JSON.createObjectNode().put("action", "confirmErase"));
        assertThat(db.queryForObject("select count(*) from staff_invitation where invited_by = ?", Integer.class,
                adminId)).isZero();
        assertThat(text(chat.person("Priya Lindgren-Obi").agree().say("accept invitation " + code)))
                .contains(NOT_AN_INVITATION);
    }

    // ---- helpers ----

    /** The card text, read from the card rather than from the code, as a person reads it. */
    private static final class ProgrammeCardsText {
        static final String TERMS = "Someone who doesn't take part can join the coaching team by invitation";
    }

    private static JsonNode inviteButton(JsonNode card, String title) {
        for (JsonNode action : card.path("actions")) {
            if (action.path("title").asText().equals(title)) {
                assertThat(action.path("associatedInputs").asText()).as("not held up by the card's required inputs")
                        .isEqualTo("none");
                return action.path("data");
            }
        }
        throw new AssertionError("no button \"" + title + "\" in " + card);
    }

    private static String sha256(String code) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(code.replace("-", "").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String code(String reply) {
        Matcher m = CODE.matcher(reply);
        assertThat(m.find()).as("a code in: " + reply).isTrue();
        assertThat(reply).contains("accept invitation " + m.group()).contains("within 7 days")
                .contains("It works once, for whoever sends it first")
                .contains("only for someone in this programme's organisation");
        return m.group();
    }

    private static String text(List<JsonNode> replies) {
        return String.join("\n", replies.stream().map(r -> r.path("text").asText("")).toList());
    }

    private static JsonNode card(List<JsonNode> replies) {
        JsonNode reply = replies.stream().filter(r -> r.path("attachments").size() > 0).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no card in " + replies));
        JsonNode card = reply.path("attachments").path(0).path("content");
        CardSchema.assertValidWithChartFallbacks(card);
        return card;
    }
}
