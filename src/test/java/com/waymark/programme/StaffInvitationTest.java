package com.waymark.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.schedule.CheckInPlanner;
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

    private final Map<String, String> tenants = new HashMap<>();
    TeamsClient teams;
    User admin;
    String programme;
    long programmeId;

    @BeforeEach
    void anAdminWithAProgrammeAndOneParticipant() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        admin = installed("Dr Selin Achterberg", null);
        programme = "Invite cohort " + admin.aadObjectId().substring(0, 6);
        say(admin, "create programme " + programme);
        programmeId = db.queryForObject("select id from programme where name = ?", Long.class, programme);
        User participant = installed("Ayo Fairweather-Lim", null);
        say(participant, "join " + db.queryForObject("select join_code from programme where id = ?", String.class,
                programmeId));
        JsonNode schedule = JSON.createObjectNode().put("action", "saveSchedule").put("everyWeeks", "1")
                .put("weekdays", "MONDAY").put("time", "09:00").put("openHours", "48").put("remindAfterHours", "24")
                .put("groupId", "");
        assertThat(text(submit(admin, schedule))).contains("every Monday at 09:00");
    }

    @Test
    void someoneWhoDoesNotTakePartJoinsTheCoachingTeamAndOnlyThat() {
        JsonNode card = card(say(admin, "coaches"));
        assertThat(card.toString()).contains(ProgrammeCardsText.TERMS);
        String code = code(text(submit(admin, inviteButton(card, "Invite a coach"))));

        // Someone who has never talked to Waymark: their first message is the code.
        User outsider = User.fresh("Prof Halvard Mensah-Oyelaran");
        String welcome = text(say(outsider, "accept invitation " + code.toLowerCase().replace("-", " ")));
        assertThat(welcome).contains("Welcome to the coaching team of \"" + programme + "\": you are now a coach")
                .contains("You don't take part in it: you get no check-ins for it, are never paired in it and are "
                        + "never counted in its figures.");
        long outsiderId = id(outsider);
        assertThat(db.queryForObject("select role from programme_staff where programme_id = ? and participant_id = ?",
                String.class, programmeId, outsiderId)).isEqualTo("COACH");
        assertThat(db.queryForObject("select count(*) from membership where participant_id = ?", Integer.class,
                outsiderId)).as("not a participant").isZero();

        // Coaches: they read the programme and its reports as any coach.
        assertThat(card(say(outsider, "programme")).toString()).contains(programme);
        assertThat(card(say(admin, "coaches")).toString()).contains("Prof Halvard Mensah-Oyelaran");
        assertThat(card(say(outsider, "my programmes")).toString()).contains(programme + " – coach");

        // No check-ins: the weekly rhythm plans for the participant, never for them.
        planner.planAll();
        assertThat(db.queryForObject("select count(*) from checkin_occurrence where participant_id = ?",
                Integer.class, outsiderId)).isZero();
        assertThat(db.queryForObject("select count(*) from checkin_occurrence o join membership m on "
                + "m.participant_id = o.participant_id where m.programme_id = ?", Integer.class, programmeId))
                .as("the rhythm does plan for the participant").isPositive();
        // Never counted: the programme still has its one participant.
        assertThat(card(say(admin, "programme")).toString()).contains("\"value\":\"1 taking part");

        // It works once, for whoever sends it first.
        User second = installed("Rosa Delacroix-Ndiaye", null);
        assertThat(text(say(second, "accept invitation " + code))).contains(NOT_AN_INVITATION);
        assertThat(db.queryForObject("select count(*) from programme_staff where participant_id = ?", Integer.class,
                id(second))).isZero();
    }

    /** The admin who made the invitation hears, briefly, in their own 1:1 chat, that it was accepted; nobody else. */
    @Test
    void theInvitingAdminIsToldWhenTheirInvitationIsAccepted() {
        String code = code(text(say(admin, "invite admin")));
        User joiner = installed("Dr Oluwaseun Harcourt-Vale", null);
        assertThat(text(say(joiner, "accept invitation " + code))).contains("you are now an admin");
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
            String second = code(text(say(admin, "invite coach")));
            User brief = installed("Tamsin Okafor-Lindgren", null);
            say(brief, "accept invitation " + second);
            submit(brief, JSON.createObjectNode().put("action", "confirmErase"));
        } finally {
            worker.start();
        }
        worker.drainAll();
        assertThat(CONNECTOR.sentActivities().stream().filter(a -> a.toString().contains("Okafor-Lindgren")).toList())
                .isEmpty();
    }

    @Test
    void theSameAnswerForUnknownExpiredForeignTenantAndWithdrawnInvitations() throws Exception {
        JsonNode card = card(say(admin, "coaches"));
        String forForeigner = code(text(submit(admin, inviteButton(card, "Invite an admin"))));
        String expired = code(text(say(admin, "invite coach")));
        String fromAFormerAdmin = code(text(say(admin, "invite coach")));
        assertThat(db.update("update staff_invitation set expires_at = ? where code_hash = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), sha256(expired))).isOne();

        User foreigner = installed("Lars Bergqvist-Achebe", OTHER_TENANT);
        User colleague = installed("Nia Castellanos-Burke", null);
        List<String> answers = new ArrayList<>();
        answers.add(text(say(foreigner, "accept invitation " + forForeigner)));
        answers.add(text(say(colleague, "accept invitation " + expired)));
        answers.add(text(say(colleague, "accept invitation ABCD-EFGH-JKMN")));
        answers.add(text(say(colleague, "accept invitation not-a-code")));

        // An admin's invitation goes with their place on the team.
        User otherAdmin = installed("Tomas Ferreira-Okafor", null);
        String promote = code(text(say(admin, "invite admin")));
        assertThat(text(say(otherAdmin, "accept invitation " + promote))).contains("you are now an admin");
        String hisInvitation = code(text(say(otherAdmin, "invite coach")));
        assertThat(text(submit(admin, JSON.createObjectNode().put("action", "setStaff").put("participantId",
                com.waymark.support.CardChoices.valueOf(card(say(admin, "coaches")), "participantId", "Tomas"))
                .put("staffRole", "NONE")))).contains("no longer on the coaching team");
        answers.add(text(say(colleague, "accept invitation " + hisInvitation)));

        assertThat(answers).allSatisfy(a -> assertThat(a).contains(NOT_AN_INVITATION)
                .doesNotContain(programme).doesNotContain("Selin"));
        assertThat(answers.stream().distinct().count()).as("one answer, whatever the reason").isOne();
        assertThat(db.queryForObject("select count(*) from programme_staff where participant_id in (?, ?)",
                Integer.class, id(foreigner), id(colleague))).isZero();
        assertThat(text(say(colleague, "accept invitation " + fromAFormerAdmin))).contains("you are now a coach");
    }

    @Test
    void onlyTheAdminTheCardWasMadeForCanInviteWithIt() {
        JsonNode button = inviteButton(card(say(admin, "coaches")), "Invite a coach");
        User coach = installed("Imogen Watanabe-Hale", null);
        say(coach, "accept invitation " + code(text(submit(admin, button))));

        assertThat(text(submit(coach, button))).as("a card id made for someone else")
                .isEqualTo(ProgrammeService.NOT_YOURS);
        assertThat(text(submit(coach, ((ObjectNode) button.deepCopy()).put("programmeId", "junk"))))
                .isEqualTo(ProgrammeService.NOT_YOURS);
        assertThat(text(submit(coach, inviteButton(card(say(coach, "coaches")), "Invite a coach"))))
                .contains("Only admins of").doesNotContain("accept invitation");
        assertThat(text(say(coach, "invite admin"))).contains("Only admins of");
        assertThat(text(submit(admin, ((ObjectNode) button.deepCopy()).put("staffRole", "OWNER"))))
                .contains("invite a coach or an admin");
        assertThat(db.queryForObject("select count(*) from staff_invitation where invited_by = ?", Integer.class,
                id(coach))).isZero();
    }

    @Test
    void anAdminsErasureTakesTheirInvitationsWithIt() {
        String code = code(text(say(admin, "invite coach")));
        assertThat(db.queryForObject("select count(*) from staff_invitation where invited_by = ?", Integer.class,
                id(admin))).isOne();
        assertThat(db.queryForObject("select code_hash from staff_invitation where invited_by = ?", String.class,
                id(admin))).as("only a hash is stored").doesNotContain(code).hasSize(64);
        long adminId = id(admin);
        say(admin, "delete my data");
        submit(admin, JSON.createObjectNode().put("action", "confirmErase"));
        assertThat(db.queryForObject("select count(*) from staff_invitation where invited_by = ?", Integer.class,
                adminId)).isZero();
        assertThat(text(say(installed("Priya Lindgren-Obi", null), "accept invitation " + code)))
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

    private User installed(String name, String tenant) {
        User user = User.fresh(name);
        if (tenant != null) {
            tenants.put(user.aadObjectId(), tenant);
        }
        post(teams.install(user), tenant);
        post(teams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")), tenant);
        return user;
    }

    private List<JsonNode> post(ObjectNode activity, String tenant) {
        if (tenant != null) {
            ((ObjectNode) activity.path("conversation")).put("tenantId", tenant);
            ((ObjectNode) activity.path("channelData").path("tenant")).put("id", tenant);
        }
        TeamsClient.Answer answer = teams.expectReplies(activity);
        assertThat(answer.status()).isEqualTo(200);
        return answer.replies();
    }

    private List<JsonNode> say(User user, String text) {
        return post(teams.message(user, text), tenants.get(user.aadObjectId()));
    }

    private List<JsonNode> submit(User user, JsonNode data) {
        return post(teams.cardSubmit(user, data), tenants.get(user.aadObjectId()));
    }

    private long id(User user) {
        return db.queryForObject("select id from participant where aad_object_id = ?", Long.class, user.aadObjectId());
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
