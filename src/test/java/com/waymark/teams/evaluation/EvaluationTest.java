package com.waymark.teams.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.waymark.evaluation.EvaluationInvite;
import com.waymark.evaluation.EvaluationService;
import com.waymark.privacy.DataRightsService;
import com.waymark.support.CardSchema;
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
 * The end-of-programme evaluation as Teams drives it: the coach adds an element and sends it, people answer their
 * cards, and the coach's results show nothing below the programme's threshold and everything above it; then the
 * attacks (one more answer between two reads, a coach who also answers), the automatic send before the end, bad
 * input, and a person's export and erasure.
 */
class EvaluationTest extends WaymarkIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    EvaluationWording wording;
    @Autowired
    DataRightsService dataRights;

    Chat chat;
    Coach coach;

    @BeforeEach
    void programme() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        coach = chat.coach("Coach Evie Marsh");
        coach.agree();
        coach.createsUnique("Evaluated");
    }

    List<Person> members(int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person person = chat.person("Leader " + i).agree().joins(coach);
            people.add(person);
        }
        return people;
    }

    /** Opens their evaluation ("evaluation") and answers it: every standard element {@code rating}. */
    Replies answer(Person person, int rating, int recommend, String mostUseful, boolean quoteOk) {
        JsonNode card = person.say("evaluation").card();
        ObjectNode submit = ((ObjectNode) card.path("actions").path(0).path("data")).deepCopy();
        for (String key : List.of("team-sessions", "one-to-one", "peer-coaching", "check-ins")) {
            submit.put("rate." + key, Integer.toString(rating));
        }
        submit.put("recommend", Integer.toString(recommend));
        if (mostUseful != null) {
            submit.put("mostUseful", mostUseful);
        }
        submit.put("quoteOk", Boolean.toString(quoteOk));
        return person.click(submit);
    }

    String results() {
        Replies replies = coach.say("evaluation results");
        return replies.card().toString();
    }

    @Test
    void hiddenBelowTheThresholdAndShownAboveIt() {
        List<Person> people = members(6);
        assertThat(coach.say("evaluation add element Action learning sets").text())
                .contains("Added \"Action learning sets\"");
        assertThat(coach.say("evaluation send").text()).contains("to 6 people");
        assertThat(db.queryForObject("select count(*) from outbox_message where kind = 'EVALUATION_INVITE' and "
                + "participant_id in (" + ids(people) + ")", Integer.class)).isEqualTo(6);

        // The card each person is sent is made when sent, for them, and is a valid card with every element.
        Activity sent = wording.render(people.get(0).id(), new EvaluationInvite(coach.programmeId(),
                evaluations.invitation(people.get(0).id(), coach.programmeId()).orElseThrow().roundId())).get(0);
        JsonNode sentCard = JSON.valueToTree(sent.getAttachments().get(0).getContent());
        CardSchema.assertValid(sentCard);
        assertThat(sentCard.toString()).contains("Action learning sets").contains("Team coaching sessions")
                .contains("at least 5 people");

        for (int i = 0; i < 4; i++) {
            assertThat(answer(people.get(i), 4, 8, null, false).text()).isEqualTo(EvaluationSlice.SAVED);
        }
        String below = results();
        assertThat(below).contains("hidden: fewer than 5 people so far").doesNotContain("4.0 from")
                .doesNotContain("8.0 from");

        answer(people.get(4), 5, 10, null, false);
        String above = results();
        assertThat(above).contains("Answered by\",\"value\":\"5 people")
                .contains("4.2 from 5 people").contains("8.4 from 5 people")
                // All five rated it Good or Excellent: "5 of 5" would tell the coach each person's answer, so the
                // share is not shown (none said otherwise, a group of nobody).
                .doesNotContain("rated it Good or Excellent");
        // Nobody rated the coach's own element: it stays hidden rather than showing "0 people".
        assertThat(above).contains("Action learning sets (1–5)\",\"value\":\"hidden");
        assertThat(db.queryForObject("select count(*) from audit_event where kind = 'EVALUATION' and programme_id = ?",
                Integer.class, coach.programmeId())).isEqualTo(2);
        // Once answered, the queued card sends nothing more.
        assertThat(wording.render(people.get(0).id(), new EvaluationInvite(coach.programmeId(),
                evaluations.invitation(people.get(0).id(), coach.programmeId()).orElseThrow().roundId()))).isEmpty();
    }

    @Test
    void aReadBeforeAndAfterOneMoreAnswerCannotBeSubtracted() {
        List<Person> people = members(10);
        coach.say("evaluation send");
        for (int i = 0; i < 5; i++) {
            answer(people.get(i), 4, 7, null, false);
        }
        assertThat(results()).contains("4.0 from 5 people");
        answer(people.get(5), 1, 0, null, false);
        String after = results();
        // The sixth person's answer would be the difference between the two reads: held back instead.
        assertThat(after).doesNotContain("from 6 people").contains("people's answers have changed since they were "
                + "last shown");
        for (int i = 6; i < 10; i++) {
            answer(people.get(i), 3, 5, null, false);
        }
        // Ten differs from five by five people, the threshold: that difference is itself a releasable figure.
        // Five rated 4 and five below: both sides of the share are large enough to show.
        assertThat(results()).contains("3.3 from 10 people; 5 rated it Good or Excellent");
    }

    @Test
    void aCoachWhoAlsoAnswersNeverCountsTowardsWhatTheyRead() {
        List<Person> people = members(4);
        coach.joins(coach);
        coach.say("evaluation send");
        answer(coach, 1, 0, null, false);
        for (Person person : people) {
            answer(person, 5, 10, null, false);
        }
        // Five answers, but one is the reader's own: four others are below the threshold of five.
        String results = results();
        assertThat(results).contains("hidden: fewer than 5 people so far").doesNotContain("from 5 people")
                .doesNotContain("from 4 people");
    }

    @Test
    void openAnswersAreQuotedOnlyWithConsentAndOnlyOnceEnoughHaveWritten() {
        List<Person> people = members(6);
        coach.say("evaluation send");
        for (int i = 0; i < 4; i++) {
            answer(people.get(i), 4, 8, "The peer coaching with *another* trust " + i, i % 2 == 0);
        }
        assertThat(results()).doesNotContain("another");
        answer(people.get(4), 4, 8, "Time to think between sessions", false);
        String results = results();
        assertThat(results).contains("The peer coaching with ∗another∗ trust 0")
                .contains("trust 2").doesNotContain("trust 1").doesNotContain("trust 3")
                .doesNotContain("Time to think");
        // Stored as ciphertext, never as typed.
        assertThat(db.queryForList("select most_useful from evaluation_response where programme_id = ?",
                String.class, coach.programmeId())).noneMatch(s -> s.contains("trust"));
    }

    @Test
    void itSendsItselfAWeekBeforeTheEndOnce() {
        List<Person> people = members(3);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        db.update("update programme set ends_on = ?, time_zone = 'Europe/London' where id = ?", today.plusDays(8),
                coach.programmeId());
        evaluations.sendDue();
        assertThat(evaluations.sentAt(coach.programmeId())).isEmpty();
        assertThat(coach.say("evaluation").card().toString()).contains("goes to every member by itself on");

        db.update("update programme set ends_on = ? where id = ?", today.plusDays(7), coach.programmeId());
        evaluations.sendDue();
        evaluations.sendDue();
        assertThat(evaluations.sentAt(coach.programmeId())).isPresent();
        assertThat(db.queryForObject("select count(*) from outbox_message where kind = 'EVALUATION_INVITE' and "
                + "participant_id in (" + ids(people) + ")", Integer.class)).isEqualTo(3);
        assertThat(coach.say("evaluation").card().toString()).contains("Sent on");
        assertThat(coach.say("evaluation results").card().toString()).contains("by itself, as the end neared");
    }

    @Test
    void badInputGetsAClearAnswerAndStoresNothing() {
        List<Person> people = members(2);
        assertThat(coach.say("evaluation add element").text()).contains("for example: evaluation add element");
        assertThat(coach.say("evaluation add element " + "x".repeat(61)).text()).contains("60 characters");
        assertThat(coach.say("evaluation add element peer coaching").text()).contains("already on the evaluation");
        assertThat(people.get(0).say("evaluation").text()).isEqualTo(EvaluationSlice.NOTHING_OPEN);
        Coach alone = chat.coach("Coach With Nobody");
        alone.agree();
        alone.createsUnique("Empty");
        assertThat(alone.say("evaluation send").text()).contains("has no members yet");
        // Coaching two programmes with none chosen: told how to choose, for the overview as for everything else.
        alone.createsUnique("Second");
        db.update("update participant set current_programme_id = null where id = ?", alone.id());
        assertThat(alone.say("evaluation").text()).contains("Choose one first with \"use programme\"");
        assertThat(evaluations.sentAt(alone.programmeId())).isEmpty();
        coach.say("evaluation send");
        assertThat(coach.say("evaluation add element Later").text()).contains("has been sent");

        JsonNode card = people.get(0).say("evaluation").card();
        ObjectNode submit = ((ObjectNode) card.path("actions").path(0).path("data")).deepCopy();
        submit.put("recommend", "11");
        assertThat(people.get(0).click(submit).text()).contains("from 0 (not at all likely) to 10");
        submit.put("recommend", "7").put("rate.check-ins", "6");
        assertThat(people.get(0).click(submit).text()).contains("from 1 (poor) to 5 (excellent)");
        submit.remove("rate.check-ins");
        submit.put("mostUseful", "x".repeat(1001));
        assertThat(people.get(0).click(submit).text()).contains("1000 characters");
        // Someone else's card: the sealed programme id opens only for the person it was made for.
        submit.put("mostUseful", "fine");
        assertThat(people.get(1).click(submit).text()).isEqualTo(EvaluationSlice.NOT_YOURS);
        assertThat(db.queryForObject("select count(*) from evaluation_response where programme_id = ?",
                Integer.class, coach.programmeId())).isZero();
        // A non-coach can't send or read it.
        assertThat(people.get(0).say("evaluation results").text()).doesNotContain("Evaluation of");
    }

    @Test
    void aPersonsAnswersAreInTheirExportAndGoWithTheirErasure() {
        List<Person> people = members(1);
        coach.say("evaluation send");
        answer(people.get(0), 4, 9, "The action learning sets", true);
        long id = people.get(0).id();
        String export = dataRights.export(id).document().toString();
        assertThat(export).contains("\"evaluation\"").contains("The action learning sets").contains("\"recommend\":9");
        dataRights.erase(id);
        assertThat(db.queryForObject("select count(*) from evaluation_response where participant_id = ?",
                Integer.class, id)).isZero();
        assertThat(db.queryForObject("select count(*) from evaluation_rating r join evaluation_response e on "
                + "e.id = r.response_id where e.participant_id = ?", Integer.class, id)).isZero();
    }

    static String ids(List<Person> people) {
        return String.join(",", people.stream().map(p -> Long.toString(p.id())).toList());
    }
}
