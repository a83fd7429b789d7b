package com.waymark.diagnostic;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.schedule.SessionDigests;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.ExportedJson;
import com.waymark.support.Replies;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, part 5, over HTTP as Teams posts: the diagnostic offered at enrolment (once, and only after consent),
 * answered one question at a time with skip and later, ending kindly; the person's own data (export, erasure,
 * encryption); and what a coach sees of it before the first session, with the attacks on it: a coach who is also
 * a participant, and a coach who reads twice.
 */
// Its own context on the shared test database: its delivery worker does not poll, so it never sends (to the shared
// connector) what another test's context queued and holds back on purpose; this test drains its own.
@TestPropertySource(properties = {"waymark.diagnostic.at-enrolment=true", "waymark.outbox.poll-ms=0"})
class DiagnosticTest extends WaymarkIntegrationTest {

    /** Answers to "what feels hardest": one theme any coach would recognise, each in its own words. */
    static final List<String> HARDEST = List.of(
            "Back-to-back meetings all week and no time left to think or plan ahead.",
            "My diary is wall to wall; covering a vacant director post on top of my own job.",
            "Firefighting every day, the strategic work keeps slipping because there is no capacity.",
            "Too many meetings, too little time; I answered emails at midnight again.",
            "We are stretched thin covering gaps in the rota and I have no headroom at all.",
            "Every hour of my week is booked; the planning I promised never happens.");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    SessionDigests digests;
    @Autowired
    com.waymark.insight.ReflectionEmbeddings embeddings;

    Chat chat;
    int sessions;

    @BeforeEach
    void chat() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        // The embedding model loads on first use; a coach's read clusters the answers on the spot, so it is loaded
        // here rather than inside the first read's 30 seconds on a busy machine.
        embeddings.embed(List.of("warm up"));
    }

    @Test
    void enrolmentQueuesTheFirstQuestionOnceAndNothingBeforeConsent() {
        Coach coach = programme("Harbour");
        Person agreed = chat.person("Dr Kemi Adeyinka-Shaw").agree();
        agreed.joins(coach);
        assertThat(diagnostics(agreed)).isOne();
        assertThat(questionsQueued(agreed)).isOne();

        // Leaving and coming back offers nothing new (the diagnostic is once per person and programme): leaving
        // cancelled the queued question, and coming back asks the question they were on again.
        assertThat(agreed.say("leave programme " + coach.programme()).text()).contains(coach.programme());
        agreed.joins(coach);
        assertThat(diagnostics(agreed)).isOne();
        // The first went out already (the worker runs) or leaving cancelled it; coming back queued it once more.
        assertThat(db.queryForObject("select count(*) from outbox_message where participant_id = ? "
                + "and kind = 'DIAGNOSTIC_QUESTION'", Integer.class, agreed.id())).isEqualTo(2);

        // Someone who joins before agreeing has nothing stored or queued until they agree; then it is offered.
        Person notYet = chat.person("Tom Haverford-Ellis");
        notYet.joins(coach);
        assertThat(diagnostics(notYet)).isZero();
        assertThat(questionsQueued(notYet)).isZero();
        notYet.agree();
        assertThat(diagnostics(notYet)).isOne();
        assertThat(questionsQueued(notYet)).isOne();

        // A coach running the programme is not asked, even when they join it.
        coach.joins(coach);
        assertThat(diagnostics(coach)).isZero();

        // The queued question goes out as its own message, worded when sent: question 1, with the why.
        CONNECTOR.reset();
        worker.drainAll();
        List<JsonNode> sent = CONNECTOR.awaitSent(2, ConnectorStub.PATIENCE,
                x -> x.toString().contains("Before your first session") && x.toString().contains(coach.programme()));
        String first = sent.get(0).toString();
        assertThat(first).contains("What is working well for you in your role at the moment?")
                .contains("Skip this one").contains("Later").contains("at least 5 people")
                .doesNotContain("already taken place");
        sent.forEach(CardSchema::assertCardsValid);
    }

    @Test
    void answeringMovesOnSkipAndLaterWorkAndTheLastQuestionEndsKindly() {
        Coach coach = programme("Lantern");
        Person leader = chat.person("Priya Ramaswamy-Cole").agree();
        leader.joins(coach);

        JsonNode card = leader.say("next question").card();
        assertThat(card.toString()).contains("Before your first session")
                .contains("What is working well for you in your role at the moment?");
        ObjectNode send = ((ObjectNode) card.path("actions").path(0).path("data")).deepCopy();

        // Bad input gets a clear answer, and nothing is stored.
        assertThat(leader.click(send.deepCopy().put("answer", "   ")).text()).contains("Your answer was empty")
                .contains("my answer:");
        assertThat(leader.click(send.deepCopy().put("answer", "x".repeat(DiagnosticService.MAX_ANSWER_CHARS + 1)))
                .text()).contains("2001 characters, more than the 2000").contains("Nothing has been saved");
        assertThat(answers(leader)).isZero();

        String working = "Our joint discharge work with the council is finally working well.";
        Replies saved = leader.click(send.deepCopy().put("answer", working).put("quoteOk", "true"));
        assertThat(saved.card().toString()).contains("Thank you, that's noted").contains("Question 2 of 6 comes tomorrow")
                .contains("Next question now");
        assertThat(answers(leader)).isOne();
        // The next question waits for tomorrow (on their own clock), unless they ask for it.
        Instant due = db.queryForObject("select max(due_at) from outbox_message where participant_id = ? "
                + "and kind = 'DIAGNOSTIC_QUESTION' and status = 'PENDING'", OffsetDateTime.class, leader.id()).toInstant();
        assertThat(due).isAfter(Instant.now().plus(Duration.ofHours(23)));
        // The same card pressed again does not overwrite or add.
        assertThat(leader.click(send.deepCopy().put("answer", "again")).text()).contains("already answered");
        assertThat(answers(leader)).isOne();

        assertThat(leader.say("skip this question").card().toString()).contains("Skipped")
                .contains("Question 3 of 6");
        assertThat(leader.say("ask me later").text()).contains("No rush").contains("question 3 of 6 again tomorrow");
        assertThat(leader.say("next question").card().toString()).contains("question 3 of 6")
                .contains("Imagine it is a year from now");
        assertThat(db.queryForObject("select count(*) from outbox_message where participant_id = ? "
                + "and kind = 'DIAGNOSTIC_QUESTION' and status = 'PENDING'", Integer.class, leader.id()))
                .as("asked now, so the queued one is not sent too").isZero();

        leader.say("my answer: Fewer handoffs between the trust and primary care.");
        leader.say("my answer: The ICB finance team and the two acute trusts.");
        leader.say("my answer - Space to think, and honest challenge.");
        String last = leader.say("my answer: nothing").card().toString();
        assertThat(last).contains("that was the last question").contains("my data").contains("delete my data")
                .contains("at least 5 people");
        assertThat(leader.say("next question").text()).contains("no question from me waiting");
        assertThat(leader.say("my answer: one more").text()).contains("no question from me waiting");
        assertThat(answers(leader)).isEqualTo(6);

        // Encrypted at rest: the column holds no plaintext.
        assertThat(db.queryForList("select a.answer from diagnostic_answer a join diagnostic d on d.id = a.diagnostic_id "
                + "where d.participant_id = ?", String.class, leader.id()))
                .noneMatch(stored -> stored != null && stored.contains("discharge"));

        // "my data" shows every answer and the skip; "delete my data" erases them.
        JsonNode export = ExportedJson.of(leader.say("my data"));
        JsonNode mine = export.path("diagnostic").path(0);
        assertThat(mine.path("programme").asText()).isEqualTo(coach.programme());
        assertThat(mine.path("answers")).hasSize(6);
        assertThat(mine.path("answers").path(0).path("answer").asText()).isEqualTo(working);
        assertThat(mine.path("answers").path(0).path("okToQuote").asBoolean()).isTrue();
        assertThat(mine.path("answers").path(1).path("skipped").asBoolean()).isTrue();
        assertThat(mine.path("answers").path(1).path("answer").isNull()).isTrue();

        long id = leader.id();
        leader.say("delete my data");
        leader.click(Chat.action("confirmErase"));
        assertThat(db.queryForObject("select count(*) from diagnostic where participant_id = ?", Integer.class, id))
                .isZero();
        assertThat(db.queryForObject("select count(*) from diagnostic_answer where diagnostic_id not in "
                + "(select id from diagnostic)", Integer.class)).isZero();
    }

    @Test
    void theFirstDigestShowsTheDiagnosticsThemesAboveTheThresholdAndNothingBelow() {
        Coach coach = programme("Meridian");
        List<Person> people = members(coach, 6);
        for (int i = 0; i < 4; i++) {
            answerHardest(people.get(i), HARDEST.get(i), i == 0);
        }
        String four = digest(coach);
        assertThat(four).contains("Before the first session: the diagnostic").contains("Hidden until at least 5 people")
                .doesNotContain("Workload");
        HARDEST.forEach(answer -> assertThat(four).doesNotContain(answer.substring(0, 25)));

        answerHardest(people.get(4), HARDEST.get(4), false);
        String five = digest(coach);
        assertThat(five).contains("5 of 6 asked").contains("What feels hardest right now?")
                .contains("Workload and capacity").contains("5 people");
        // Only the one who said their words may be quoted is quoted.
        assertThat(five).contains(HARDEST.get(0).substring(0, 25));
        HARDEST.subList(1, 5).forEach(answer -> assertThat(five).doesNotContain(answer.substring(0, 25)));
        assertThat(five).doesNotContain(people.get(0).name());
        // The questions for the coach are drawn from the diagnostic's themes too.
        assertThat(five).containsAnyOf("If you could hand back one meeting a week",
                "What is the team saying yes to", "Where does firefighting crowd out");
        assertThat(audited(coach, "DIAGNOSTIC")).isEqualTo(5);
        assertThat(audited(coach, "QUOTES")).isEqualTo(5);

        // "summary" before the first session carries the same section; the same five again may be shown again.
        assertThat(summary(coach)).contains("5 of 6 asked").contains("Workload and capacity");
    }

    @Test
    void aCoachWhoReadsTwiceCannotSubtractOnePersonsAnswer() {
        Coach coach = programme("Estuary");
        List<Person> people = members(coach, 7);
        for (int i = 0; i < 5; i++) {
            answerHardest(people.get(i), HARDEST.get(i), false);
        }
        // Read as the digest is (composed when sent; summary reads the same way, see the test above).
        String first = digest(coach);
        assertThat(first).contains("5 of 7 asked").contains("Workload and capacity");

        // One more answer: a second read that differed by one person would give that person's answer away.
        answerHardest(people.get(5), HARDEST.get(5), false);
        String second = digest(coach);
        assertThat(second).contains("Hidden until at least 5 people").doesNotContain("6 of 7")
                .doesNotContain("Workload and capacity");
        assertThat(audited(coach, "DIAGNOSTIC")).as("the read is audited though nothing was shown").isZero();
    }

    @Test
    void aCoachWhoIsAlsoAParticipantIsNeverCountedInWhatTheyRead() {
        Coach admin = programme("Confluence");
        List<Person> people = members(admin, 6);
        for (int i = 0; i < 5; i++) {
            answerHardest(people.get(i), HARDEST.get(i), false);
        }
        // One of the five who answered joins the coaching team: what they read never counts them.
        Person insider = people.get(0);
        String token = admin.say("coaches").choice("participantId", insider.name());
        assertThat(admin.click(Chat.action("setStaff").put("participantId", token).put("staffRole", "COACH"))
                .text()).contains("now a coach");
        insider.say("use programme " + admin.programme());
        String theirs = summary(insider);
        assertThat(theirs).contains("Hidden until at least 5 people").doesNotContain("Workload and capacity");
        HARDEST.forEach(answer -> assertThat(theirs).doesNotContain(answer.substring(0, 25)));
        // Their own diagnostic stays theirs, and they are not asked anything new as staff.
        assertThat(insider.say("next question").card().toString()).contains("question 3 of 6");
    }

    /**
     * Someone who joins after the first session is still asked: a coach meeting a late joiner wants the same picture
     * of them. The card says why it comes now, their answers are marked as given after it, and the coach's summary
     * no longer carries the diagnostic (the first session has its own record by then).
     */
    @Test
    void someoneWhoJoinsAfterTheFirstSessionIsStillAskedAndItIsMarked() {
        Coach coach = programme("Tideway");
        // The first session, held yesterday (recorded as a coach's "next session" would have recorded it).
        db.update("insert into coaching_session (programme_id, starts_at, digest_hours, created_by, created_at) "
                + "values (?, ?, 24, ?, ?)", coach.programmeId(), OffsetDateTime.now().minusDays(1), coach.id(),
                OffsetDateTime.now().minusDays(3));
        Person late = chat.person("Sam Okonkwo-Reid").agree().joins(coach);
        assertThat(db.queryForObject("select after_first_session from diagnostic where participant_id = ?",
                Boolean.class, late.id())).isTrue();
        assertThat(late.say("next question").card().toString()).contains("already taken place")
                .contains("they'll see these came after it");
        late.say("my answer: Getting to know the group.");
        assertThat(ExportedJson.of(late.say("my data")).path("diagnostic").path(0).path("afterFirstSession")
                .asBoolean()).isTrue();
        assertThat(summary(coach)).doesNotContain("Before the first session: the diagnostic");
    }

    // ---- helpers ----

    private Coach programme(String prefix) {
        Coach coach = chat.coach(Chat.uniqueName("Coach"));
        coach.agree();
        coach.createsUnique(prefix);
        return coach;
    }

    private List<Person> members(Coach coach, int size) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            people.add(chat.person(Chat.uniqueName("Leader " + (char) ('A' + i))).agree().joins(coach));
        }
        return people;
    }

    /** Answers question 1 briefly, then "what feels hardest" with {@code text}. */
    private void answerHardest(Person person, String text, boolean quoteOk) {
        JsonNode card = person.say("next question").card();
        ObjectNode send = ((ObjectNode) card.path("actions").path(0).path("data")).deepCopy();
        person.click(send.put("answer", "Good colleagues.").put("quoteOk", "false"));
        JsonNode second = person.say("next question").card();
        ObjectNode sendSecond = ((ObjectNode) second.path("actions").path(0).path("data")).deepCopy();
        assertThat(sendSecond.path("question").asText()).isEqualTo("hard");
        person.click(sendSecond.put("answer", text).put("quoteOk", Boolean.toString(quoteOk)));
    }

    /** Records the programme's first session two days ahead and returns its digest as Teams received it. */
    private String digest(Coach coach) {
        String when = Instant.now().plus(Duration.ofDays(2 + sessions++)).toString().substring(0, 10);
        assertThat(coach.say("next session " + when + " 14:00").text()).contains("Recorded the next session");
        long sessionId = db.queryForObject("select max(id) from coaching_session where programme_id = ?", Long.class,
                coach.programmeId());
        CONNECTOR.reset();
        assertThat(digests.sessionApproaching(sessionId)).isEqualTo(1);
        worker.drainAll();
        JsonNode sent = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                x -> x.toString().contains("Before your session") && x.toString().contains(coach.programme())).get(0);
        CardSchema.assertCardsValid(sent);
        return sent.toString();
    }

    private String summary(Person coach) {
        return coach.say("summary").card().toString();
    }

    private int audited(Coach coach, String kind) {
        Long event = db.queryForObject("select max(id) from audit_event where programme_id = ? and kind = ?",
                Long.class, coach.programmeId(), kind);
        assertThat(event).as("an audit entry of kind %s", kind).isNotNull();
        return db.queryForObject("select people_included from audit_event where id = ?", Integer.class, event);
    }

    private int diagnostics(Person person) {
        return db.queryForObject("select count(*) from diagnostic where participant_id = ?", Integer.class, person.id());
    }

    private int questionsQueued(Person person) {
        return db.queryForObject("select count(*) from outbox_message where participant_id = ? "
                + "and kind = 'DIAGNOSTIC_QUESTION' and status in ('PENDING', 'CLAIMED', 'SENT')", Integer.class,
                person.id());
    }

    private int answers(Person person) {
        return db.queryForObject("select count(*) from diagnostic_answer a join diagnostic d on d.id = a.diagnostic_id "
                + "where d.participant_id = ?", Integer.class, person.id());
    }
}
