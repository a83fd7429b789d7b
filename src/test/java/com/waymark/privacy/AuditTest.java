package com.waymark.privacy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.Replies;
import com.waymark.support.TeamsClient;
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

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    AuditLog audit;

    Chat chat;
    Coach admin;
    Person coach;
    Person member;
    Person outsider;
    long programme;

    @BeforeEach
    void programmeWithACoachingTeam() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
        admin = chat.coach("Dr Priya Raman-Okoye");
        coach = chat.person("Marcus Lindqvist-Barr");
        member = chat.person("Aoife Brennan-Shah");
        outsider = chat.person("Jonas Ekwueme-Hart");
        admin.creates("Estuary cohort " + admin.user().aadObjectId().substring(0, 8));
        programme = admin.programmeId();
        coach.joins(admin);
        member.joins(admin);
        outsider.joins(admin);
        admin.click(Chat.action("setStaff").put("participantId",
                        admin.say("coaches").choice("participantId", "Marcus Lindqvist-Barr")).put("staffRole", "COACH"));
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

        JsonNode mine = cardOf(member.say("who has seen my data?"));
        assertThat(mine.toString()).contains("Team wellbeing and energy summary").contains("Marcus Lindqvist-Barr")
                .contains("Estuary cohort").contains("3 people combined").doesNotContain("Anonymous quotes");
        JsonNode theirs = cardOf(outsider.say("who has seen my data"));
        assertThat(theirs.toString()).contains("Team wellbeing").contains("Anonymous quotes")
                .contains("Dr Priya Raman-Okoye");
    }

    @Test
    void nobodyHasSeenANewcomersData() {
        Person newcomer = chat.person("Sione Tupou-Marsh");
        assertThat(cardOf(newcomer.say("who has seen my data")).toString())
                .contains("No one has seen a summary that included your check-ins yet");
    }

    @Test
    void adminsReviewTheirProgrammeCoachesAndParticipantsCannot() {
        audit.record(id(coach), ReadKind.THEMES, programme, List.of(id(member), id(outsider), id(admin)));
        audit.record(id(coach), ReadKind.TEAM_SUMMARY, programme, List.of(id(member), id(outsider), id(admin)));

        JsonNode log = cardOf(admin.say("audit"));
        String text = log.toString();
        assertThat(text).contains("Recent reads of").contains("Themes from reflections")
                .contains("Team wellbeing and energy summary").contains("Marcus Lindqvist-Barr");
        assertThat(text.indexOf("Team wellbeing")).as("newest first").isLessThan(text.indexOf("Themes from"));

        assertThat(coach.say("audit").get(0).path("text").asText()).contains("is for its admins");
        assertThat(member.say("audit").get(0).path("text").asText()).contains("only for the coaches of");
        assertThat(chat.person("Wren Okafor-Lee").say("audit").get(0).path("text").asText())
                .contains("don't coach a programme");
    }

    @Test
    void aReaderWhoErasedTheirDataIsNoLongerNamed() {
        audit.record(id(coach), ReadKind.TEAM_SUMMARY, programme, List.of(id(member), id(outsider), id(admin)));
        coach.click("confirmErase");

        JsonNode mine = cardOf(member.say("who has seen my data"));
        assertThat(mine.toString()).contains("a coach who has since left Waymark").doesNotContain("Marcus");
    }

    private Long id(Person person) {
        return person.id();
    }

    private static JsonNode cardOf(List<JsonNode> replies) {
        return Replies.cardOf(replies);
    }
}
