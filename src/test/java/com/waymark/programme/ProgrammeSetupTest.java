package com.waymark.programme;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** A coach sets a programme up from their 1:1 chat: by command and by card, with kind refusals. */
class ProgrammeSetupTest extends WaymarkIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    Chat chat;
    Coach coach;

    @BeforeEach
    void coach() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
        coach = chat.coach("Dr Helen Marsh");
    }

    @Test
    void createProgrammeByCommandShowsTheSetUpAtAGlance() {
        List<JsonNode> replies = coach.say("create programme North Ridge ICS system leadership");
        assertThat(text(replies)).contains("Created \"North Ridge ICS system leadership\"").contains("admin and coach");
        JsonNode overview = cardOf(replies);
        assertThat(overview.toString()).contains("Join code").contains("at least 5 people").contains("Europe/London");

        assertThat(text(coach.say("add group Place partnership board"))).contains("Added the group");
        assertThat(text(coach.say("add group  place PARTNERSHIP board "))).contains("already has a group");
        coach.say("add group Action learning set 1");

        JsonNode glance = cardOf(coach.say("programme"));
        assertThat(glance.toString()).contains("Action learning set 1 (0)").contains("Place partnership board (0)")
                .contains("0 taking part").contains("Dr Helen Marsh");
        assertThat(db.queryForObject("select confidentiality_threshold from programme p join programme_staff s "
                + "on s.programme_id = p.id join participant u on u.id = s.participant_id where u.aad_object_id = ?",
                Integer.class, coach.user().aadObjectId())).isEqualTo(5);
    }

    @Test
    void settingsCardValidatesAndSavesWholeOrNothing() {
        coach.say("create programme Riverside cohort");
        JsonNode settingsCard = cardOf(coach.say("edit programme"));
        String programmeId = settingsCard.path("actions").path(0).path("data").path("programmeId").asText();
        assertThat(programmeId).isNotBlank();

        ObjectNode tooLow = settings(programmeId, "Riverside cohort 2026", "2", "2026-09-01", "2027-06-30");
        assertThat(text(coach.click(tooLow)))
                .contains("can't be below 3");
        ObjectNode backwards = settings(programmeId, "Riverside cohort 2026", "6", "2027-09-01", "2027-06-30");
        assertThat(text(coach.click(backwards))).contains("before the start");
        ObjectNode junk = settings(programmeId, "Riverside cohort 2026", "lots", "soon", "2027-06-30");
        assertThat(text(coach.click(junk)))
                .contains("The start date isn't one I can use").contains("year-month-day, for example: 2027-01-31");
        assertThat(programmeId).doesNotMatch("\\d+"); // an opaque card id, not the database's
        assertThat(db.queryForObject("select count(*) from programme where name = 'Riverside cohort'", Integer.class))
                .isEqualTo(1);

        ObjectNode good = settings(programmeId, "Riverside cohort 2026", "6", "2026-09-01", "2027-06-30");
        List<JsonNode> saved = coach.click(good);
        assertThat(text(saved)).contains("Saved the settings");
        assertThat(cardOf(saved).toString()).contains("at least 6 people").contains("1 Sep 2026 to 30 Jun 2027");
    }

    @Test
    void newProgrammeCardCreatesOne() {
        JsonNode blank = cardOf(coach.say("new programme"));
        assertThat(blank.toString()).contains("Create programme");
        ObjectNode submit = settings(null, "Trust board development", "5", "", "");
        submit.remove("programmeId");
        assertThat(text(coach.click(submit))).contains("Created");
    }

    @Test
    void coachWithSeveralProgrammesChoosesOne() {
        coach.say("create programme Alpha cohort");
        coach.say("create programme Beta cohort");
        assertThat(cardOf(coach.say("programme")).toString()).contains("Beta cohort");
        assertThat(text(coach.say("use programme alpha"))).contains("Now working with \"Alpha cohort\"");
        assertThat(cardOf(coach.say("programme")).toString()).contains("Alpha cohort");
        assertThat(text(coach.say("use programme Gamma"))).contains("couldn't find");
        assertThat(text(coach.say("use programme cohort"))).contains("More than one");
    }

    @Test
    void nonCoachesArePolitelyRefused() {
        Person participant = chat.person("Kofi Mensah");
        assertThat(text(participant.say("programme"))).contains("don't coach a programme");
        assertThat(text(participant.say("add group Sneaky"))).contains("don't coach a programme");
        assertThat(text(participant.say("people"))).contains("don't coach a programme");

        coach.creates("Gamma cohort");
        String code = db.queryForObject("select join_code from programme where name = 'Gamma cohort'", String.class);
        participant.join(code);
        assertThat(text(participant.say("people"))).contains("only for the coaches of \"Gamma cohort\"");
        ObjectNode hijack = settings(db.queryForObject("select id from programme where name = 'Gamma cohort'",
                String.class), "Hijacked", "3", "", "");
        assertThat(text(participant.click(hijack)))
                .contains("isn't a programme you coach");
        assertThat(db.queryForObject("select count(*) from programme where name = 'Hijacked'", Integer.class)).isZero();
    }

    static ObjectNode settings(String programmeId, String name, String threshold, String start, String end) {
        ObjectNode data = JSON.createObjectNode().put("action", "saveProgramme").put("name", name)
                .put("organisations", "Riverside Hospitals NHS FT, North Ridge ICB").put("timeZone", "Europe/London")
                .put("startsOn", start).put("endsOn", end).put("threshold", threshold).put("retentionDays", "365");
        if (programmeId != null) {
            data.put("programmeId", programmeId);
        }
        return data;
    }

    static String text(List<JsonNode> replies) {
        return Replies.text(replies);
    }

    static JsonNode cardOf(List<JsonNode> replies) {
        return Replies.cardOf(replies);
    }
}
