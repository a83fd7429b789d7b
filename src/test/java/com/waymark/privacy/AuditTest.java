package com.waymark.privacy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.support.CardChoices;
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
 * Reads of aggregates are recorded with whose data they combined; participants see the ones that included them
 * and programme admins review their programme. The insight feature will record its reads; here the test does.
 */
class AuditTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    AuditLog audit;

    TeamsClient teams;
    User admin;
    User coach;
    User member;
    User outsider;
    long programme;

    @BeforeEach
    void programmeWithACoachingTeam() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        admin = install("Dr Priya Raman-Okoye");
        coach = install("Marcus Lindqvist-Barr");
        member = install("Aoife Brennan-Shah");
        outsider = install("Jonas Ekwueme-Hart");
        String name = "Estuary cohort " + admin.aadObjectId().substring(0, 8);
        say(admin, "create programme " + name);
        programme = db.queryForObject("select id from programme where name = ?", Long.class, name);
        String code = db.queryForObject("select join_code from programme where id = ?", String.class, programme);
        say(coach, "join " + code);
        say(member, "join " + code);
        say(outsider, "join " + code);
        submit(admin, JSON.createObjectNode().put("action", "setStaff").put("participantId",
                        staffChoice(admin, "Marcus Lindqvist-Barr")).put("staffRole", "COACH"));
    }

    @Test
    void aRecordedReadKeepsWhoWhatWhereWhenAndWhoseData() {
        audit.record(id(coach), ReadKind.TEAM_SUMMARY, programme, List.of(id(member), id(outsider), id(member)));

        var row = db.queryForMap("select actor_id, kind, programme_id, people_included, at from audit_event "
                + "where programme_id = ?", programme);
        assertThat(row).containsEntry("ACTOR_ID", id(coach)).containsEntry("KIND", "TEAM_SUMMARY")
                .containsEntry("PEOPLE_INCLUDED", 2);
        assertThat(row.get("AT")).isNotNull();
        assertThat(db.queryForList("select s.participant_id from audit_subject s join audit_event e "
                + "on e.id = s.audit_event_id where e.programme_id = ?", Long.class, programme))
                .containsExactlyInAnyOrder(id(member), id(outsider));
    }

    @Test
    void participantsSeeTheReadsThatIncludedThemAndOnlyThose() {
        audit.record(id(coach), ReadKind.TEAM_SUMMARY, programme, List.of(id(member), id(outsider), id(admin)));
        audit.record(id(admin), ReadKind.QUOTES, programme, List.of(id(outsider), id(coach), id(admin)));

        JsonNode mine = cardOf(say(member, "who has seen my data?"));
        assertThat(mine.toString()).contains("Team wellbeing and energy summary").contains("Marcus Lindqvist-Barr")
                .contains("Estuary cohort").contains("3 people combined").doesNotContain("Anonymous quotes");
        JsonNode theirs = cardOf(say(outsider, "who has seen my data"));
        assertThat(theirs.toString()).contains("Team wellbeing").contains("Anonymous quotes")
                .contains("Dr Priya Raman-Okoye");
    }

    @Test
    void nobodyHasSeenANewcomersData() {
        User newcomer = install("Sione Tupou-Marsh");
        assertThat(cardOf(say(newcomer, "who has seen my data")).toString())
                .contains("No one has seen a summary that included your check-ins yet");
    }

    @Test
    void adminsReviewTheirProgrammeCoachesAndParticipantsCannot() {
        audit.record(id(coach), ReadKind.THEMES, programme, List.of(id(member), id(outsider), id(admin)));
        audit.record(id(coach), ReadKind.TEAM_SUMMARY, programme, List.of(id(member), id(outsider), id(admin)));

        JsonNode log = cardOf(say(admin, "audit"));
        String text = log.toString();
        assertThat(text).contains("Recent reads of").contains("Themes from reflections")
                .contains("Team wellbeing and energy summary").contains("Marcus Lindqvist-Barr");
        assertThat(text.indexOf("Team wellbeing")).as("newest first").isLessThan(text.indexOf("Themes from"));

        assertThat(say(coach, "audit").get(0).path("text").asText()).contains("is for its admins");
        assertThat(say(member, "audit").get(0).path("text").asText()).contains("only for the coaches of");
        assertThat(say(install("Wren Okafor-Lee"), "audit").get(0).path("text").asText())
                .contains("don't coach a programme");
    }

    @Test
    void aReaderWhoErasedTheirDataIsNoLongerNamed() {
        audit.record(id(coach), ReadKind.TEAM_SUMMARY, programme, List.of(id(member), id(outsider), id(admin)));
        submit(coach, JSON.createObjectNode().put("action", "confirmErase"));

        JsonNode mine = cardOf(say(member, "who has seen my data"));
        assertThat(mine.toString()).contains("a coach who has since left Waymark").doesNotContain("Marcus");
    }

    private User install(String name) {
        User user = User.fresh(name);
        teams.expectReplies(teams.install(user));
        return user;
    }

    private Long id(User user) {
        return db.queryForObject("select id from participant where aad_object_id = ?", Long.class, user.aadObjectId());
    }

    private String staffChoice(User admin, String name) {
        return CardChoices.valueOf(cardOf(say(admin, "coaches")), "participantId", name);
    }

    private List<JsonNode> say(User user, String text) {
        return teams.expectReplies(teams.message(user, text)).replies();
    }

    private List<JsonNode> submit(User user, JsonNode data) {
        return teams.expectReplies(teams.cardSubmit(user, data)).replies();
    }

    private static JsonNode cardOf(List<JsonNode> replies) {
        JsonNode reply = replies.stream().filter(r -> r.path("attachments").size() > 0).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no card in " + replies));
        CardSchema.assertCardsValid(reply);
        return reply.path("attachments").path(0).path("content");
    }
}
