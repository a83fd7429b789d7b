package com.waymark.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.privacy.FieldCipher;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.StaffInfo;
import com.waymark.support.Chat;
import com.waymark.support.EveryColumn;
import com.waymark.support.ExportedJson;
import com.waymark.support.Replies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coaching cycle as Teams drives it: a coach records a session with its meeting; Teams' meeting-end event (the
 * documented payload, {@code teams/meeting-end.json}) or the timer ends it, once; each participant gets the
 * after-session card through the outbox and answers it; the next check-in asks how their commitments went; the coach
 * reads the pulse session by session, hidden below the threshold; "delete my data" erases all of it.
 */
class CoachingCycleTest extends CycleChatTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    com.waymark.schedule.SessionTriggers triggers;
    @Autowired
    CycleSessionRepository cycleSessions;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    FieldCipher cipher;
    @Autowired
    com.waymark.schedule.CheckInTicker ticker;

    static String thread() {
        return MeetingEndEvent.thread();
    }

    static String joinUrl(String thread) {
        return MeetingEndEvent.joinUrl(thread);
    }

    /** Records a session three days ahead, with {@code extra} after its time, and returns its id. */
    long record(Chat.Coach coach, String extra) {
        return record(coach, 3, extra);
    }

    int cardsQueued(long session) {
        return db.queryForObject("select count(*) from outbox_message where idempotency_key like ?", Integer.class,
                "after:s" + session + ":%");
    }

    /** The meeting-end event as Teams sends it (the documented shape), for this meeting, from {@code sender}. */
    ObjectNode meetingEnd(String thread, Chat.Person sender) {
        return MeetingEndEvent.of(thread, CONNECTOR.serviceUrl(), sender);
    }

    List<JsonNode> delivered(String containing, int count) {
        worker.drainAll();
        return CONNECTOR.awaitSent(count, ConnectorStub.PATIENCE, a -> a.toString().contains(containing));
    }

    /** What the outbox keys a session's after-session cards by, as it travels on each activity. */
    static String afterCards(long session) {
        return "\"after:s" + session + ":p";
    }

    static JsonNode cardFor(List<JsonNode> sent, Chat.Person person) {
        return sent.stream().filter(a -> a.toString().contains(person.conversationId())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing sent to " + person)).path("attachments").path(0)
                .path("content");
    }

    @Test
    void theMeetingEndEventEndsTheSessionOnceAndEachParticipantAnswersOnTheCard() {
        Chat.Cohort cohort = cohort(3);
        String thread = thread();
        long session = record(cohort.coach(), " for 90m meeting " + joinUrl(thread));
        assertThat(cycleSessions.findById(session).orElseThrow().getMeetingKey()).isEqualTo(thread);
        assertThat(cardsQueued(session)).as("nothing before it ends").isZero();

        begun(session, Duration.ofMinutes(30));
        Replies answer = cohort.members().get(0).post(meetingEnd(thread, cohort.members().get(0)));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer).as("the meeting chat gets no reply").isEmpty();
        CycleSession ended = cycleSessions.findById(session).orElseThrow();
        assertThat(ended.getEndedBy()).isEqualTo("MEETING_END");
        assertThat(cardsQueued(session)).as("one card per participant, none for the coach").isEqualTo(3);

        // Teams sends the event again (another instance, a retry with a new id), then the timer comes: nothing more.
        cohort.members().get(1).post(meetingEnd(thread, cohort.members().get(1)));
        assertThat(ends.timerFired(session)).isEmpty();
        assertThat(cardsQueued(session)).isEqualTo(3);
        assertThat(cycleSessions.findById(session).orElseThrow().getEndedAt()).isEqualTo(ended.getEndedAt());

        // This session's cards, by their key: another test's session may end while this one runs.
        List<JsonNode> sent = delivered(afterCards(session), 3);
        assertThat(sent).hasSize(3).allSatisfy(a -> assertThat(a.toString()).contains(CycleCardsText.QUESTION));
        JsonNode card = cardFor(sent, cohort.members().get(0));
        assertThat(card.toString()).contains(cohort.coach().programme()).contains("I could say what I really thought")
                .contains("at least 5 people").contains("Nothing this time");
        JsonNode save = card.path("actions").path(0).path("data");

        // Two commitments and the pulse: each commitment an action in their own plan, tagged with the session.
        Chat.Person first = cohort.members().get(0);
        ObjectNode answers = save.deepCopy();
        answers.put("try1", "Ask my deputy to chair Thursday's huddle").put("try2", "Walk the wards on Friday")
                .put("said", "4").put("mattered", "5").put("leave", "4").put("word", "Quince candour");
        assertThat(first.click(answers).text()).startsWith("Saved: actions 1 and 2 are in your plan.")
                .contains("Thank you for the pulse");
        assertThat(first.say("my actions").toString()).contains("Ask my deputy to chair Thursday").contains("Walk the");
        assertThat(db.queryForObject("select count(*) from cycle_commitment c join action_item a on a.id = c.action_id"
                + " where c.session_id = ? and a.participant_id = ?", Integer.class, session, first.id())).isEqualTo(2);
        assertThat(db.queryForObject("select word from cycle_answer where participant_id = ?", String.class,
                first.id())).startsWith(cipher.currentKeyId() + ":").doesNotContain("Quince");
        assertThat(first.click(answers).text()).startsWith("You've already answered for this session");

        // "Nothing this time" is a fine answer; the card sent later is not sent once answered.
        Chat.Person second = cohort.members().get(1);
        JsonNode nothing = cardFor(sent, second).path("actions").path(1).path("data");
        assertThat(second.click(nothing).text()).isEqualTo("Saved: nothing this time, and that's fine.");
        assertThat(db.queryForObject("select count(*) from action_item where participant_id = ?", Integer.class,
                second.id())).isZero();

        // Bad input gets a clear answer and nothing is written.
        Chat.Person third = cohort.members().get(2);
        ObjectNode half = cardFor(sent, third).path("actions").path(0).path("data").deepCopy();
        half.put("try1", "Protect Friday afternoons").put("said", "3");
        assertThat(third.click(half).text()).startsWith("The pulse needs all three answers");
        ObjectNode empty = cardFor(sent, third).path("actions").path(0).path("data").deepCopy();
        assertThat(third.click(empty).text()).startsWith("Write one to three things you'll try");
        ObjectNode other = empty.deepCopy().put("session", "999999999").put("try1", "Something");
        assertThat(third.click(other).text()).startsWith("That card is not for a session of yours");
        assertThat(db.queryForObject("select count(*) from action_item where participant_id = ?", Integer.class,
                third.id())).isZero();
    }

    @Test
    void aSessionRecordedWithTheMeetingIdEndsOnTheSdkShapedEventToo() {
        Chat.Cohort cohort = cohort(1);
        String meetingId = java.util.Base64.getEncoder().encodeToString(("0#" + thread() + "#0")
                .getBytes(StandardCharsets.UTF_8));
        long session = record(cohort.coach(), " for 1h30 meeting " + meetingId);
        CycleSession recorded = cycleSessions.findById(session).orElseThrow();
        assertThat(Duration.between(recorded.getStartsAt(), recorded.getEndsAt())).isEqualTo(Duration.ofMinutes(90));
        begun(session, Duration.ofMinutes(30));
        // As the SDKs' MeetingEndEventDetails writes it: camel case, and here without the thread or the join link.
        ObjectNode event = meetingEnd(thread(), cohort.members().get(0));
        ObjectNode value = JSON.createObjectNode().put("meetingType", "Scheduled").put("title", "Cohort session")
                .put("endTime", "2027-01-14T11:02:17Z");
        event.set("value", value);
        ((ObjectNode) event.path("channelData").path("meeting")).put("id", meetingId);
        assertThat(cohort.members().get(0).post(event).status()).isEqualTo(200);
        assertThat(cycleSessions.findById(session).orElseThrow().getEndedBy()).isEqualTo("MEETING_END");
        assertThat(cardsQueued(session)).isOne();
    }

    @Test
    void theTimerEndsASessionThroughQuartzAndTwoClaimsAtOnceEndItOnce() throws Exception {
        Chat.Cohort cohort = cohort(2);
        // The real Quartz scheduler (clustered JDBC store) fires the end trigger.
        long timed = record(cohort.coach(), "");
        assertThat(cycleSessions.findById(timed).orElseThrow().getEndsAt())
                .as("two hours by default").isEqualTo(cycleSessions.findById(timed).orElseThrow().getStartsAt()
                        .plus(Duration.ofHours(2)));
        assertThat(db.queryForObject("select count(*) from qrtz_triggers where trigger_name = ?", Integer.class,
                "end-" + timed)).isOne();
        begun(timed, Duration.ofSeconds(-1));
        triggers.plan(SessionEndJob.key(timed), SessionEndJob.class, timed,
                cycleSessions.findById(timed).orElseThrow().getEndsAt());
        Instant deadline = Instant.now().plusSeconds(20);
        while (cycleSessions.findById(timed).orElseThrow().getEndedAt() == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(cycleSessions.findById(timed).orElseThrow().getEndedBy()).isEqualTo("TIMER");
        assertThat(cardsQueued(timed)).isEqualTo(2);

        // The event and the timer at the same instant, as on two instances sharing the database: one claim wins.
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String thread = thread();
                long session = record(cohort.coach(), " meeting " + thread);
                begun(session, Duration.ofSeconds(-1));
                CountDownLatch start = new CountDownLatch(1);
                Future<Optional<SessionEnds.Ended>> byTimer = two.submit(() -> {
                    start.await();
                    return ends.timerFired(session);
                });
                Future<Optional<SessionEnds.Ended>> byEvent = two.submit(() -> {
                    start.await();
                    return ends.meetingEnded(thread, null, null);
                });
                start.countDown();
                int won = (byTimer.get().isPresent() ? 1 : 0) + (byEvent.get().isPresent() ? 1 : 0);
                assertThat(won).as("round %d", round).isOne();
                assertThat(cardsQueued(session)).isEqualTo(2);
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void commitmentsAreFollowedUpWithTheNextCheckIn() {
        Chat.Cohort cohort = cohort(1);
        Chat.Person leader = cohort.members().get(0);
        long session = record(cohort.coach(), "");
        begun(session, Duration.ofSeconds(-1));
        assertThat(ends.timerFired(session)).isPresent();
        JsonNode card = cardFor(delivered(afterCards(session), 1), leader);
        ObjectNode answers = card.path("actions").path(0).path("data").deepCopy();
        answers.put("try1", "Hold a fifteen-minute huddle on Mondays").put("try2", "Say no to one meeting a week");
        assertThat(leader.click(answers).text()).startsWith("Saved: actions 1 and 2");

        // Their next scheduled check-in reaches them (the coach's rhythm, planned, due now, ticked into the outbox):
        // the question about their commitments follows it.
        ObjectNode rhythm = Chat.action("saveSchedule").put("everyWeeks", "1")
                .put("weekdays", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY").put("time", "09:00")
                .put("openHours", "48").put("remindAfterHours", "24").put("groupId", "");
        assertThat(cohort.coach().click(rhythm).text()).startsWith("Saved: check-ins");
        Instant now = Instant.now();
        assertThat(db.update("update checkin_occurrence set send_at = ?, nominal_at = ? where id = (select min(id) "
                + "from checkin_occurrence where participant_id = ? and status = 'PLANNED')",
                OffsetDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.UTC), leader.id())).isOne();
        ticker.tick();
        List<JsonNode> followUps = delivered("What you said you'd try", 1).stream()
                .filter(a -> a.toString().contains(leader.conversationId())).toList();
        assertThat(followUps).hasSize(1);
        JsonNode followUp = followUps.get(0).path("attachments").path(0).path("content");
        assertThat(followUp.toString()).contains("1. Hold a fifteen-minute huddle").contains("Something's in the way");
        List<Long> actionIds = db.queryForList("select action_id from cycle_commitment where participant_id = ? "
                + "order by id", Long.class, leader.id());

        ObjectNode progress = Chat.action("cycle.progress");
        progress.put("c" + actionIds.get(0), "done").put("c" + actionIds.get(1), "in_the_way");
        assertThat(leader.click(progress).text()).startsWith("Saved, thank you.").contains("stuck 2");
        assertThat(db.queryForList("select e.type from action_event e where e.action_id = ? order by e.id",
                String.class, actionIds.get(0))).containsExactly("CREATED", "DONE");
        assertThat(db.queryForList("select e.type from action_event e where e.action_id = ? order by e.id",
                String.class, actionIds.get(1))).containsExactly("CREATED", "BLOCKED");
        assertThat(leader.say("my commitments").card().toString()).doesNotContain("huddle")
                .contains("Say no to one meeting");

        // Someone else's action is refused like one that does not exist.
        Chat.Person stranger = chat.person("Stranger");
        stranger.agree();
        ObjectNode theirs = Chat.action("cycle.progress").put("c" + actionIds.get(1), "done");
        assertThat(stranger.click(theirs).text()).isEqualTo("That isn't one of your commitments, so nothing was saved.");
    }

    @Test
    void thePulseIsHiddenBelowTheThresholdShownAboveAndHeldBackAgainstItsAttacks() {
        Chat.Cohort cohort = cohort(7);
        Chat.Coach coach = cohort.coach();
        List<Chat.Person> people = cohort.members();
        long first = endedSession(coach);
        answer(first, people.subList(0, 4), 4);
        assertThat(coach.say("session pulse").card().toString()).contains("Pulse").contains("hidden (fewer than 5")
                .doesNotContain("Pulse answers");

        answer(first, people.subList(4, 5), 2);
        String shown = coach.say("session pulse").card().toString();
        assertThat(shown).contains("Pulse answers").contains("3.6").contains("Commitments made");
        assertThat(db.queryForObject("select count(*) from audit_event where actor_id = ? and kind = 'SESSION_PULSE'",
                Integer.class, coach.id())).isEqualTo(2);

        // Reads twice: one late answer would be the difference between two shown figures: held back.
        answer(first, people.subList(5, 6), 1);
        assertThat(coach.say("session pulse").card().toString()).doesNotContain("Pulse answers")
                .contains("too few new answers since you last saw it");

        // Compares sessions: the next session's people differ from the last shown by one: no trend between them.
        long second = endedSession(coach);
        answer(second, people.subList(0, 6), 5);
        String two = coach.say("session pulse").card().toString();
        assertThat(two).contains("Pulse answers").doesNotContain("Since the session before");
        // The same people again: the change is shown.
        long third = endedSession(coach);
        answer(third, people.subList(0, 6), 5);
        assertThat(coach.say("session pulse").card().toString()).contains("Since the session before");

        // A coach who is also a participant: once on the coaching team, their answers count for nobody.
        long fourth = endedSession(coach);
        answer(fourth, people.subList(0, 5), 3);
        programmes.setStaff(coach.id(), coach.programmeId(), people.get(0).id(), StaffInfo.Role.COACH);
        JsonNode last = coach.say("session pulse").card();
        List<JsonNode> factSets = new ArrayList<>();
        last.path("body").forEach(element -> {
            if ("FactSet".equals(element.path("type").asText())) {
                factSets.add(element);
            }
        });
        assertThat(factSets).hasSize(4);
        assertThat(factSets.get(3).path("facts").path(0).path("title").asText()).isEqualTo("Pulse");
        assertThat(factSets.get(3).path("facts").path(0).path("value").asText()).startsWith("hidden");
    }

    @Test
    void theDigestCarriesTheCycleHiddenBelowTheThreshold() {
        Chat.Cohort cohort = cohort(5);
        Chat.Coach coach = cohort.coach();
        long ended = endedSession(coach);
        answer(ended, cohort.members().subList(0, 4), 4);
        String hidden = digest(coach).text();
        assertThat(hidden).contains("After the last sessions").contains("pulse hidden; commitments hidden");

        answer(ended, cohort.members().subList(4, 5), 4);
        String shown = digest(coach).text();
        // "0 done" would say of each of the five that they have not done theirs: how they went is held back.
        assertThat(shown).contains("pulse 4.0 · 4.0 · 4.0; 5 commitments (how they went: hidden)");
        assertThat(coach.say("summary").card().toString()).contains("After the last sessions")
                .contains("pulse 4.0 · 4.0 · 4.0; 5 commitments (how they went: hidden)");
    }

    /**
     * The attack of a coach who knows some answers: six commit, five mark theirs done and one says something is in
     * the way. "1 in the way" names nobody, but a coach who has heard from the five knows whose it is; and "5 done"
     * says the same of the sixth. Both are held back; the number made is still shown.
     */
    @Test
    void aKindOfProgressThatWouldSingleSomeoneOutIsHidden() {
        Chat.Cohort cohort = cohort(6);
        Chat.Coach coach = cohort.coach();
        long ended = endedSession(coach);
        answer(ended, cohort.members(), 4);
        for (int i = 0; i < cohort.members().size(); i++) {
            Chat.Person person = cohort.members().get(i);
            long action = db.queryForObject("select action_id from cycle_commitment where participant_id = ?",
                    Long.class, person.id());
            ObjectNode progress = Chat.action("cycle.progress").put("c" + action, i < 5 ? "done" : "in_the_way");
            assertThat(person.click(progress).text()).startsWith("Saved");
        }
        String digest = digest(coach).text();
        assertThat(digest).contains("6 commitments (how they went: hidden)").doesNotContain("in the way")
                .doesNotContain("5 done");
        String pulse = coach.say("session pulse").card().toString();
        assertThat(pulse).contains("Done hidden").contains("in the way hidden").doesNotContain("in the way 1");
    }

    @Test
    void myDataHoldsTheCycleAndDeleteMyDataErasesIt() {
        Chat.Cohort cohort = cohort(1);
        Chat.Person leader = cohort.members().get(0);
        long session = endedSession(cohort.coach());
        CONNECTOR.reset();
        ObjectNode answers = Chat.action("cycle.after").put("session", Long.toString(session))
                .put("try1", "Marmalade stand-up on Tuesdays").put("said", "5").put("mattered", "4")
                .put("leave", "3").put("word", "Quietly hopeful");
        assertThat(leader.click(answers).text()).startsWith("Saved: action 1");

        Replies mine = leader.say("my data");
        JsonNode export = ExportedJson.of(mine);
        JsonNode cycle = export.path("coachingCycle");
        assertThat(cycle.path("afterSessionAnswers").path(0).path("word").asText()).isEqualTo("Quietly hopeful");
        assertThat(cycle.path("afterSessionAnswers").path(0).path("saidWhatIThought").asInt()).isEqualTo(5);
        assertThat(cycle.path("commitments")).hasSize(1);
        assertThat(cycle.path("commitments").path(0).path("action").asInt()).as("its number in their plan").isOne();
        assertThat(export.path("actions").path(0).path("text").asText()).isEqualTo("Marmalade stand-up on Tuesdays");

        long id = leader.id();
        String storedWord = db.queryForObject("select word from cycle_answer where participant_id = ?", String.class,
                id);
        List<String> needles = List.of("Quietly hopeful", "Marmalade stand-up", storedWord);
        assertThat(EveryColumn.scan(db, needles, List.of())).as("the scan sees them before")
                .anySatisfy(hit -> assertThat(hit).contains("CYCLE_ANSWER"));
        JsonNode confirm = leader.say("delete my data").card().path("actions").path(0).path("data");
        assertThat(leader.click(confirm.deepCopy()).text()).startsWith("Done. I've erased everything");
        assertThat(db.queryForObject("select count(*) from cycle_answer where participant_id = ?", Integer.class,
                id)).isZero();
        assertThat(db.queryForObject("select count(*) from cycle_commitment where participant_id = ?", Integer.class,
                id)).isZero();
        assertThat(EveryColumn.scan(db, needles, List.of())).isEmpty();
    }

    @Test
    void aSessionCommandWeCannotUseGetsAnExample() {
        Chat.Cohort cohort = cohort(0);
        Chat.Coach coach = cohort.coach();
        String day = LocalDate.now(LONDON).plusDays(3).toString();
        assertThat(coach.say("next session " + day + " 09:30 for ages").text())
                .startsWith("I couldn't read that session").contains("for 2h");
        assertThat(coach.say("next session " + day + " 09:30 for 20h").text())
                .startsWith("A session can last from 15 minutes to 10 hours");
        assertThat(coach.say("next session " + day + " 09:30 meeting banana").text())
                .startsWith("That doesn't look like a Teams meeting");
        assertThat(db.queryForObject("select count(*) from coaching_session where programme_id = ?", Integer.class,
                coach.programmeId())).as("nothing half-written").isZero();
    }

    /** Each answers the card with one commitment and the pulse at {@code score} on all three items. */
    static void answer(long session, List<Chat.Person> people, int score) {
        people.forEach(person -> answer(person, session, List.of("Try one thing"), score, score, score));
    }
}
