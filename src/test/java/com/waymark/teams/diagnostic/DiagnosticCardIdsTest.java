package com.waymark.teams.diagnostic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the screenshot tour showed of the diagnostic's question card: it carried the diagnostic's database number in
 * its buttons' data. Now the card holds a token sealed for its person ({@link com.waymark.teams.CardIds}): nothing
 * sequential to guess, and the same data sent by anyone else opens nothing of theirs.
 */
// DiagnosticTest's properties, so the two share one context.
@TestPropertySource(properties = {"waymark.diagnostic.at-enrolment=true", "waymark.outbox.poll-ms=0"})
class DiagnosticCardIdsTest extends WaymarkIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    @Test
    void theQuestionCardCarriesASealedTokenNotTheDatabaseNumberAndOnlyItsPersonCanUseIt() {
        Chat chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        Coach coach = chat.coach(Chat.uniqueName("Coach"));
        coach.agree();
        coach.createsUnique("Sealed");
        Person leader = chat.person(Chat.uniqueName("Leader")).agree().joins(coach);
        Person other = chat.person(Chat.uniqueName("Other")).agree().joins(coach);

        JsonNode question = leader.say("next question").card();
        long diagnosticId = db.queryForObject("select id from diagnostic where participant_id = ?", Long.class,
                leader.id());
        for (JsonNode action : question.path("actions")) {
            String sealed = action.path("data").path("diagnostic").asText();
            assertThat(sealed).as(action.path("title").asText()).isNotEqualTo(Long.toString(diagnosticId))
                    .doesNotContainPattern("^\\d+$").hasSizeGreaterThan(20);
        }
        assertThat(question.toString()).doesNotContain("\"" + diagnosticId + "\"");

        // Another member sending the leader's card data as their own: nothing of theirs, and nothing saved.
        ObjectNode send = ((ObjectNode) question.path("actions").path(0).path("data")).deepCopy();
        assertThat(other.click(send.deepCopy().put("answer", "Not mine to give.")).text())
                .contains("There's no question from me waiting for you just now, so nothing was saved.");
        assertThat(db.queryForObject("select count(*) from diagnostic_answer a join diagnostic d on d.id = "
                + "a.diagnostic_id where d.participant_id in (?, ?)", Integer.class, leader.id(), other.id())).isZero();

        // The leader's own answer counts, and moves them on.
        assertThat(leader.click(send.put("answer", "Partners bring problems early now.").put("quoteOk", "false"))
                .toString()).contains("Thank you, that's noted.").contains("Question 2 of");
    }
}
