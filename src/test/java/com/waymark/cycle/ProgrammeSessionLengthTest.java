package com.waymark.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each programme's own session length (issue 16, part 1): set on the settings card ({@code edit programme}), shown in
 * {@code programme}, used by {@code next session} when no length is given; a new programme has the installation's
 * default ({@code waymark.cycle.session-minutes}, two hours) until its coach changes it.
 */
class ProgrammeSessionLengthTest extends WaymarkIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    Chat chat;

    @BeforeEach
    void chat() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
    }

    @Test
    void aProgrammesOwnLengthIsSetOnItsCardShownAndUsedBySessionsWithoutOne() {
        Chat.Coach coach = chat.coach("Length Coach");
        coach.agree();
        coach.createsUnique("Lengths");
        assertThat(coach.say("programme").card().toString()).as("a new programme has the installation's default")
                .contains("Sessions last").contains("2 hours, unless you give a session its own length");

        JsonNode card = coach.say("edit programme").card();
        assertThat(input(card, "sessionMinutes").path("value").asInt()).isEqualTo(120);
        JsonNode save = card.path("actions").path(0).path("data");

        // Out of range: a kind answer, and nothing changes.
        ObjectNode tooLong = withFields(card, save).put("sessionMinutes", "900");
        assertThat(coach.click(tooLong).text()).contains("A session can last from 15 to 600 minutes");
        ObjectNode junk = withFields(card, save).put("sessionMinutes", "a morning");
        assertThat(coach.click(junk).text()).contains("The session length in minutes should be a whole number");
        assertThat(db.queryForObject("select session_minutes from programme where id = ?", Integer.class,
                coach.programmeId())).isNull();

        ObjectNode ninety = withFields(card, save).put("sessionMinutes", "90");
        assertThat(coach.click(ninety).toString()).contains("Saved the settings of")
                .contains("90 minutes, unless you give a session its own length");
        assertThat(coach.say("edit programme").card().toString()).contains("\"value\":90");

        // A session without a length lasts the programme's 90 minutes; one with its own keeps its own.
        LocalDate day = LocalDate.now(LONDON).plusDays(5);
        assertThat(coach.say("next session " + day + " 09:30").text()).contains("until 11:00");
        assertThat(lastLength(coach)).isEqualTo(Duration.ofMinutes(90));
        assertThat(coach.say("next session " + day.plusDays(7) + " 09:30 for 3h").text()).contains("until 12:30");
        assertThat(lastLength(coach)).isEqualTo(Duration.ofHours(3));

        // Another programme is untouched: still the installation's default.
        Chat.Coach other = chat.coach("Other Length Coach");
        other.agree();
        other.createsUnique("Other lengths");
        assertThat(other.say("next session " + day + " 14:00").text()).contains("until 16:00");
    }

    /** The card's inputs with their values, as Teams sends them back, on the Save button's data. */
    static ObjectNode withFields(JsonNode card, JsonNode save) {
        ObjectNode data = save.deepCopy();
        card.path("body").forEach(element -> {
            if (element.path("id").isTextual() && element.has("value")) {
                data.put(element.path("id").asText(), element.path("value").asText());
            }
        });
        return data;
    }

    static JsonNode input(JsonNode card, String id) {
        for (JsonNode element : card.path("body")) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        throw new AssertionError("no input " + id + " on " + card);
    }

    Duration lastLength(Chat.Coach coach) {
        return db.queryForObject("select starts_at, ends_at from cycle_session where programme_id = ? "
                + "order by session_id desc fetch first 1 rows only", (rs, n) -> Duration.between(
                rs.getObject(1, java.time.OffsetDateTime.class), rs.getObject(2, java.time.OffsetDateTime.class)),
                coach.programmeId());
    }
}
