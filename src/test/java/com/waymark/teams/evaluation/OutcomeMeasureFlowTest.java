package com.waymark.teams.evaluation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.evaluation.OutcomeInvite;
import com.waymark.evaluation.OutcomeMeasure;
import com.waymark.privacy.DataRightsService;
import com.waymark.privacy.ProgrammeDataHolder;
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

/**
 * The outcome measure: off until the coach turns it on; then a baseline for every member and every newcomer, the
 * same items again with the evaluation, and the cohort's start and end in bands, hidden below the threshold.
 */
class OutcomeMeasureFlowTest extends WaymarkIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    OutcomeWording wording;
    @Autowired
    DataRightsService dataRights;
    @Autowired
    List<ProgrammeDataHolder> holders;

    Chat chat;
    Coach coach;

    @BeforeEach
    void programme() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        coach = chat.coach("Coach Omar Reid");
        coach.agree();
        coach.createsUnique("Measured");
    }

    JsonNode card(Person person, OutcomeMeasure.Phase phase) {
        var activities = wording.render(person.id(), new OutcomeInvite(coach.programmeId(), phase));
        assertThat(activities).hasSize(1);
        JsonNode card = JSON.valueToTree(activities.get(0).getAttachments().get(0).getContent());
        CardSchema.assertValid(card);
        return card;
    }

    String answer(Person person, OutcomeMeasure.Phase phase, Integer... options) {
        ObjectNode submit = ((ObjectNode) card(person, phase).path("actions").path(0).path("data")).deepCopy();
        for (int i = 0; i < options.length; i++) {
            if (options[i] != null) {
                submit.put("item" + (i + 1), Integer.toString(options[i]));
            }
        }
        return person.click(submit).text();
    }

    int queued(String phase) {
        return db.queryForObject("select count(*) from outbox_message where kind = 'OUTCOME_INVITE' and "
                + "idempotency_key like ?", Integer.class, "outcome:" + phase + ":" + coach.programmeId() + ":%");
    }

    @Test
    void baselineThenEndAndTheCohortInBands() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(chat.person("Member " + i).agree().joins(coach));
        }
        assertThat(queued("start")).isZero();
        assertThat(coach.say("outcome measure on").text()).contains("asked 4 people for their starting answers");
        assertThat(queued("start")).isEqualTo(4);
        // Someone who joins afterwards is asked in the same commit as their enrolment.
        people.add(chat.person("Member 4").agree().joins(coach));
        assertThat(queued("start")).isEqualTo(5);

        JsonNode first = card(people.get(0), OutcomeMeasure.Phase.START);
        assertThat(first.toString()).contains("1. Is your work emotionally exhausting?")
                .contains("7. Do you have enough energy for family and friends during leisure time?")
                .contains("Never/almost never").contains("To a very low degree");

        // Fewer than four items: the authors' rule says no answer; a clear reply, nothing stored.
        assertThat(answer(people.get(0), OutcomeMeasure.Phase.START, 0, 0, 0)).contains("at least 4 of the 7");
        assertThat(db.queryForObject("select count(*) from outcome_response where programme_id = ?", Integer.class,
                coach.programmeId())).isZero();

        // Start: high burnout for three (score 100), moderate for two (score 50).
        for (int i = 0; i < 5; i++) {
            int option = i < 3 ? 0 : 2;
            assertThat(answer(people.get(i), OutcomeMeasure.Phase.START, option, option, option, option, option,
                    option, i < 3 ? 4 : 2)).isEqualTo(EvaluationSlice.SAVED);
        }
        // Once answered, the queued card for it sends nothing.
        assertThat(wording.render(people.get(0).id(), new OutcomeInvite(coach.programmeId(),
                OutcomeMeasure.Phase.START))).isEmpty();
        assertThat(coach.say("evaluation results").card().toString())
                .contains("fewer than 5 people have answered at both the start and the end");

        assertThat(coach.say("evaluation send").text()).contains("closing questions go to 5 people");
        assertThat(queued("end")).isEqualTo(5);
        for (int i = 0; i < 4; i++) {
            answer(people.get(i), OutcomeMeasure.Phase.END, 4, 4, 4, 4, 4, 4, 0);
        }
        assertThat(coach.say("evaluation results").card().toString()).doesNotContain("Mean score at the end");
        answer(people.get(4), OutcomeMeasure.Phase.END, 2, 2, 2, 2, 2, 2, 2);
        String results = coach.say("evaluation results").card().toString();
        assertThat(results).contains("People (answered both times)\",\"value\":\"5")
                .contains("Mean score at the start\",\"value\":\"80.0")
                .contains("Mean score at the end\",\"value\":\"10.0")
                // Start: 0 low, 2 moderate, 3 high: every band below five is hidden, and with them the rest.
                .contains("Bands at the start\",\"value\":\"low hidden · moderate hidden · high hidden")
                .contains("Bands at the end\",\"value\":\"low hidden · moderate hidden · high hidden");

        // Their own answers are in their export, in the items' words, and go with their erasure.
        long id = people.get(0).id();
        assertThat(dataRights.export(id).document().toString()).contains("Copenhagen Burnout Inventory")
                .contains("Is your work emotionally exhausting? To a very high degree");
        dataRights.erase(id);
        assertThat(db.queryForObject("select count(*) from outcome_response where participant_id = ?", Integer.class,
                id)).isZero();
    }

    @Test
    void bandsShowWhenEachIsLargeEnoughAndTheRetentionSweepErasesTheAnswers() {
        db.update("update programme set confidentiality_threshold = 3 where id = ?", coach.programmeId());
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            people.add(chat.person("Banded " + i).agree().joins(coach));
        }
        coach.say("outcome measure on");
        // Option o on the first six items and 4 - o on the reversed seventh scores 100 - 25 o: 0 is high (100),
        // 2 moderate (50), 4 low (0). Start: three in each band. End: three in each band, different people.
        int[] start = {0, 0, 0, 2, 2, 2, 4, 4, 4};
        int[] end = {2, 2, 2, 4, 4, 4, 0, 0, 0};
        for (int i = 0; i < 9; i++) {
            int o = start[i];
            answer(people.get(i), OutcomeMeasure.Phase.START, o, o, o, o, o, o, 4 - o);
        }
        coach.say("evaluation send");
        for (int i = 0; i < 9; i++) {
            int o = end[i];
            answer(people.get(i), OutcomeMeasure.Phase.END, o, o, o, o, o, o, 4 - o);
        }
        String results = coach.say("evaluation results").card().toString();
        assertThat(results).contains("People (answered both times)\",\"value\":\"9")
                .contains("Mean score at the start\",\"value\":\"50.0")
                .contains("Mean score at the end\",\"value\":\"50.0")
                .contains("Bands at the start\",\"value\":\"low 3 · moderate 3 · high 3")
                .contains("Bands at the end\",\"value\":\"low 3 · moderate 3 · high 3");

        // The retention sweep's share of this module: every answer of the programme goes.
        int erased = holders.stream().filter(h -> h.name().equals("evaluation"))
                .mapToInt(h -> h.eraseProgrammeData(coach.programmeId())).sum();
        assertThat(erased).isEqualTo(18);
        assertThat(db.queryForObject("select count(*) from outcome_response where programme_id = ?", Integer.class,
                coach.programmeId())).isZero();
    }

    @Test
    void offAsksNobodyMore() {
        Person member = chat.person("Member A").agree().joins(coach);
        coach.say("outcome measure on");
        assertThat(coach.say("outcome measure off").text()).contains("nobody more will be asked");
        assertThat(wording.render(member.id(), new OutcomeInvite(coach.programmeId(), OutcomeMeasure.Phase.START)))
                .isEmpty();
        chat.person("Member B").agree().joins(coach);
        assertThat(queued("start")).isEqualTo(1);
    }
}
