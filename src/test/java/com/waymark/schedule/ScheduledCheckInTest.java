package com.waymark.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.ClockedIntegrationTest;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import com.waymark.outbox.OutboxService;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.outbox.DeliveryResult;
import com.waymark.outbox.OutboundMessage;
import com.waymark.outbox.DeliveryMetrics;
import com.waymark.outbox.DeliveryOutcomes;
import com.waymark.outbox.DeliveryTimes;

/**
 * Scheduled check-ins end to end with a hand-moved clock: the coach sets a rhythm over HTTP, the planner
 * and ticker run as Quartz would run them, the outbox drains into a connector stub that plays Teams
 * (including its 429s, 5xx and 403s), and people answer, snooze, skip and pause over HTTP.
 */
class ScheduledCheckInTest extends ClockedIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    CheckInPlanner planner;
    @Autowired
    CheckInTicker ticker;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    OutboxService outbox;
    @Autowired
    DeliveryOutcomes outcomes;
    @Autowired
    DeliveryMetrics metrics;
    @Autowired
    DeliveryTimes times;
    @Autowired
    JdbcTemplate db;

    Chat chat;
    Coach coach;
    List<Person> people;

    @BeforeEach
    void programmeWithFourPeople() {
        CONNECTOR.reset();
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
        coach = chat.coach("Coach Sam").createsUnique("Cohort");
        people = new ArrayList<>();
        for (String zone : List.of("Europe/London", "Europe/London", "Europe/London", "America/New_York")) {
            String aad = UUID.randomUUID().toString();
            people.add(chat.person(new User("29:" + aad, aad, "Leader " + people.size(), zone)).agree().joins(coach));
        }
    }

    @Test
    void weeklyRhythmReachesEachPersonOnTheirOwnClockRemindsOnceAndMarksMissed() {
        CLOCK.set(Instant.parse("2026-11-08T12:00:00Z")); // a Sunday
        setWeeklyMondayNine();

        CLOCK.set(Instant.parse("2026-11-09T09:00:00Z")); // Monday 09:00 in London
        run();
        List<JsonNode> prompts = sentTo(people.subList(0, 3));
        assertThat(prompts).hasSize(3);
        prompts.forEach(p -> {
            CardSchema.assertCardsValid(p);
            assertThat(p.toString()).contains("Time for your check-in").contains("Cohort ");
        });
        assertThat(sentTo(List.of(people.get(3)))).as("New York is still asleep").isEmpty();

        CLOCK.set(Instant.parse("2026-11-09T14:00:00Z")); // 09:00 in New York
        run();
        assertThat(sentTo(List.of(people.get(3)))).hasSize(1);

        // One person answers through the card they were sent.
        JsonNode data = cardData(sentTo(List.of(people.get(0))).get(0));
        ObjectNode answer = ((ObjectNode) data.deepCopy()).put("wellbeing", "4").put("energy", "3")
                .put("reflection", "Used the huddle to ask more than tell.");
        assertThat(people.get(0).click(answer).get(0).toString())
                .contains("Saved");
        assertThat(status(people.get(0))).containsExactly("ANSWERED");

        CLOCK.set(Instant.parse("2026-11-10T09:00:00Z")); // 24 hours later: the reminder
        run();
        CLOCK.set(Instant.parse("2026-11-10T14:00:00Z"));
        run();
        Map<String, Long> perPerson = sentPerPerson();
        assertThat(perPerson.get(people.get(0).conversationId())).as("answered: no reminder").isEqualTo(1);
        assertThat(perPerson.get(people.get(1).conversationId())).isEqualTo(2);
        assertThat(perPerson.get(people.get(3).conversationId())).isEqualTo(2);
        assertThat(sentTo(List.of(people.get(1))).get(1).toString()).contains("gentle reminder");

        CLOCK.set(Instant.parse("2026-11-11T20:00:00Z")); // every window has closed
        run();
        assertThat(status(people.get(1))).containsExactly("MISSED");
        assertThat(status(people.get(3))).containsExactly("MISSED");
        assertThat(sentPerPerson().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(7);
    }

    @Test
    void aWholeMonthAcrossTheClockChangeSendsExactlyOnePromptAWeekEach() {
        CLOCK.set(Instant.parse("2027-03-07T12:00:00Z"));
        setWeeklyMondayNine();
        for (int hour = 0; hour < 24 * 35; hour++) { // five weeks, ticking hourly, the UK clocks go forward on 28 March
            CLOCK.advance(Duration.ofHours(1));
            if (hour % 24 == 0) {
                planner.planAll();
            }
            run();
        }
        Map<String, Long> perPerson = sentPerPerson();
        people.forEach(p -> assertThat(perPerson.get(p.conversationId())).as(p.name()).isEqualTo(10)); // 5 prompts + 5 reminders
        assertThat(CONNECTOR.deliveriesByKey().values()).allMatch(count -> count == 1);
        // After the change, 09:00 London is 08:00 UTC.
        assertThat(db.queryForList("select send_at from checkin_occurrence o join participant p on p.id = o.participant_id "
                + "where p.aad_object_id = ? and send_at <= ? order by send_at", java.sql.Timestamp.class,
                people.get(0).aadObjectId(), java.sql.Timestamp.from(CLOCK.instant()))
                .stream().map(t -> t.toInstant().toString()).toList())
                .containsExactly("2027-03-08T09:00:00Z", "2027-03-15T09:00:00Z", "2027-03-22T09:00:00Z",
                        "2027-03-29T08:00:00Z", "2027-04-05T08:00:00Z");
    }

    @Test
    void afterDowntimeAPromptStillOpenIsSentOnceAndAnExpiredOneIsMissed() {
        CLOCK.set(Instant.parse("2026-12-06T12:00:00Z"));
        setWeeklyMondayNine();
        // Down from Sunday noon until Tuesday 08:00: Monday's 09:00 prompts are 23 hours late but still open.
        CLOCK.set(Instant.parse("2026-12-08T08:00:00Z"));
        run();
        run();
        assertThat(sentTo(people.subList(0, 3))).hasSize(3);
        // Down again for a whole week: the next Monday's window (48 h) has passed by Thursday.
        CONNECTOR.reset();
        CLOCK.set(Instant.parse("2026-12-17T12:00:00Z"));
        planner.planAll();
        run();
        assertThat(sentTo(people).stream().filter(a -> a.toString().contains("Time for your check-in"))).isEmpty();
        assertThat(db.queryForObject("select count(*) from checkin_occurrence o join participant p on "
                + "p.id = o.participant_id where p.aad_object_id = ? and o.status = 'MISSED'", Integer.class,
                people.get(1).aadObjectId())).isEqualTo(2);
    }

    @Test
    void throttledAndFailingSendsAreRetriedAndABlockedPersonIsNotMessagedAgain() {
        CLOCK.set(Instant.parse("2027-01-03T12:00:00Z"));
        setWeeklyMondayNine();
        CLOCK.set(Instant.parse("2027-01-04T09:00:00Z"));
        worker.drainAll(); // whatever earlier tests left queued must not take the scripted faults
        ticker.tick();
        CONNECTOR.failNext(new ConnectorStub.Fault(429, "7"), new ConnectorStub.Fault(503, null),
                new ConnectorStub.Fault(403, null));
        worker.drainAll();
        assertThat(sentTo(people.subList(0, 3))).as("all three failed, in three different ways").isEmpty();
        assertThat(db.queryForList("select last_error from outbox_message where status = 'PENDING'", String.class))
                .contains("HTTP 429", "HTTP 503");
        assertThat(db.queryForObject("select count(*) from participant where reachable = false and aad_object_id in "
                + "(?, ?, ?)", Integer.class, people.get(0).aadObjectId(), people.get(1).aadObjectId(),
                people.get(2).aadObjectId())).isEqualTo(1);

        CLOCK.advance(Duration.ofMinutes(15)); // past Retry-After and the backoff
        worker.drainAll();
        assertThat(sentTo(people.subList(0, 3))).hasSize(2);
        CLOCK.set(Instant.parse("2027-01-05T09:30:00Z"));
        run();
        assertThat(sentTo(people.subList(0, 3))).as("reminders only to the two reachable people").hasSize(4);
    }

    @Test
    void snoozeSkipPauseAndQuietHoursAreHonoured() {
        CLOCK.set(Instant.parse("2027-02-07T12:00:00Z"));
        Person snoozer = people.get(0);
        Person skipper = people.get(1);
        Person pauser = people.get(2);
        assertThat(pauser.say("pause 2 weeks").text()).contains("Paused for 2 weeks");
        assertThat(people.get(3).say("quiet hours 21:00-10:00").text()).contains("no check-ins, reminders or other messages from me between 21:00 and 10:00");
        setWeeklyMondayNine();

        CLOCK.set(Instant.parse("2027-02-08T09:00:00Z"));
        run();
        assertThat(sentTo(List.of(pauser))).isEmpty();
        assertThat(snoozer.say("snooze 2h").text()).contains("Snoozed");
        assertThat(skipper.say("skip").text()).contains("Skipped");
        assertThat(skipper.say("skip").text()).contains("no check-in open");

        CLOCK.set(Instant.parse("2027-02-08T11:05:00Z"));
        run();
        assertThat(sentTo(List.of(snoozer))).hasSize(2);
        assertThat(sentTo(List.of(snoozer)).get(1).toString()).contains("gentle reminder");
        CLOCK.set(Instant.parse("2027-02-08T14:00:00Z")); // 09:00 in New York, inside their quiet hours
        run();
        assertThat(sentTo(List.of(people.get(3)))).isEmpty();
        CLOCK.set(Instant.parse("2027-02-08T15:00:00Z")); // 10:00 in New York: quiet hours over
        run();
        assertThat(sentTo(List.of(people.get(3)))).hasSize(1);
        CLOCK.set(Instant.parse("2027-02-09T12:00:00Z"));
        run();
        assertThat(sentTo(List.of(skipper))).as("skipped: no reminder").hasSize(1);
        assertThat(people.get(3).say("my schedule").text()).contains("New York time").contains("Quiet hours 21:00–10:00");
    }

    @Test
    void aSendInDoubtAfterACrashIsQueuedAgainOnStartUp() {
        CLOCK.set(Instant.parse("2027-04-04T12:00:00Z"));
        setWeeklyMondayNine();
        CLOCK.set(Instant.parse("2027-04-05T08:00:00Z"));
        ticker.tick();
        // Simulate a crash after claiming: the rows are leased to this node, nothing recorded as sent.
        List<OutboundMessage> claimed = outbox.claim(worker.node(), 100, Duration.ofMinutes(5)).messages();
        assertThat(claimed).isNotEmpty();
        assertThat(worker.drainAll()).as("leased rows are not sent twice while the lease holds").isZero();
        assertThat(outbox.releaseLeasesOf(worker.node())).isEqualTo(claimed.size());
        worker.drainAll();
        assertThat(sentTo(people.subList(0, 3))).hasSize(3);
        assertThat(CONNECTOR.deliveriesByKey().values()).allMatch(count -> count == 1);
    }

    @Test
    void aBatchOutlivingHalfItsLeaseGivesTheRestBackRatherThanRaceAnotherInstanceForThem() {
        CLOCK.set(Instant.parse("2027-06-06T12:00:00Z"));
        setWeeklyMondayNine();
        CLOCK.set(Instant.parse("2027-06-07T08:00:00Z")); // Monday 09:00 in London: three prompts due
        ticker.tick();
        // A connector taking 40 s a message, one send at a time, under a 60-second lease.
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        DeliveryWorker slow = new DeliveryWorker(outbox, message -> {
            sent.add(message.idempotencyKey());
            CLOCK.advance(Duration.ofSeconds(40));
            return new DeliveryResult.Sent();
        }, outcomes, metrics, times, CLOCK, "slow-node", 1, 0, 60);

        assertThat(slow.drainOnce()).isEqualTo(3);
        assertThat(sent).as("the first send used more than half the lease").hasSize(1);
        assertThat(db.queryForObject("select count(*) from outbox_message where status = 'PENDING' "
                + "and last_error = 'lease running out'", Integer.class)).isEqualTo(2);
        assertThat(db.queryForObject("select count(*) from outbox_message where lease_owner = 'slow-node'", Integer.class))
                .isZero();
        slow.drainAll();
        assertThat(sent).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aSlowSendHoldsUpOnlyItsOwnSenderNotAMessageThatFallsDueMeanwhile() throws Exception {
        CLOCK.set(Instant.parse("2027-07-04T12:00:00Z"));
        setWeeklyMondayNine();
        CLOCK.set(Instant.parse("2027-07-05T08:00:00Z")); // Monday 09:00 in London: three prompts due
        ticker.tick();
        // The first send hangs (a digest composed for the first time, a connector timing out) until released.
        var entered = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<String> stuck = new java.util.concurrent.atomic.AtomicReference<>();
        DeliveryWorker looping = new DeliveryWorker(outbox, message -> {
            if (stuck.compareAndSet(null, message.idempotencyKey())) {
                entered.countDown();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sent.add(message.idempotencyKey());
            return new DeliveryResult.Sent();
        }, outcomes, metrics, times, CLOCK, "loop-node", 2, 20, 60);
        looping.start();
        try {
            assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            awaitSent(sent, 2);
            long someone = db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                    people.get(1).aadObjectId());
            var now = java.sql.Timestamp.from(CLOCK.instant());
            db.update("insert into outbox_message (idempotency_key, participant_id, kind, payload, status, due_at, "
                    + "attempts, created_at) values ('later:1', ?, 'CHECKIN_PROMPT', '{}', 'PENDING', ?, 0, ?)",
                    someone, now, now);

            awaitSent(sent, 3);
            assertThat(sent).as("sent while the first send still hangs").contains("later:1")
                    .doesNotContain(stuck.get());
        } finally {
            release.countDown();
            looping.stop();
        }
        assertThat(sent).hasSize(4).doesNotHaveDuplicates();
    }

    static void awaitSent(List<String> sent, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (sent.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(count);
    }

    @Test
    void coachSeesTheRhythmAndRecordsTheNextSessionWhoseDigestIsScheduled() {
        CLOCK.set(Instant.parse("2027-05-02T12:00:00Z"));
        setWeeklyMondayNine();
        assertThat(coach.say("next session 2027-05-20 14:00").text()).contains("Thursday 20 May at 14:00 (UK time)")
                .contains("The pre-session digest will reach the coaching team 24 hours before, on Wednesday 19 May "
                        + "at 14:00.");
        assertThat(digestFiresAt()).as("the trigger is where the confirmation says")
                .isEqualTo(Instant.parse("2027-05-19T13:00:00Z"));
        String overview = coach.say("programme").get(0).toString();
        assertThat(overview).contains("every Monday at 09:00").contains("Thursday 20 May 2027 at 14:00");
        assertThat(db.queryForObject("select count(*) from qrtz_triggers where trigger_group = 'session-digest'",
                Integer.class)).isGreaterThanOrEqualTo(1);
        assertThat(people.get(0).say("next session 2027-05-20 14:00").text()).contains("only for the coaches");
    }

    @Test
    void aSessionSoonerThanTheDigestHoursGetsItsDigestStraightAwayAndIsToldSo() {
        CLOCK.set(Instant.parse("2027-05-20T12:00:00Z")); // 13:00 in London
        String reply = coach.say("next session 2027-05-20 13:02").text();

        assertThat(reply).contains("Thursday 20 May at 13:02 (UK time)")
                .contains("It's less than 24 hours away, so the pre-session digest goes to the coaching team straight "
                        + "away.").doesNotContain("24 hours before");
        assertThat(digestFiresAt()).as("the trigger starts now, not 24 hours back, where Quartz's JDBC store would leave "
                + "it to the next misfire scan").isEqualTo(CLOCK.instant());
    }

    @Test
    void helpAndTheProgrammeCardGiveASessionExampleThatWorksToday() {
        CLOCK.set(Instant.parse("2027-05-02T12:00:00Z")); // a Sunday
        String help = coach.say("help").get(0).toString();
        assertThat(help).contains("for example: next session 2027-05-10 14:00");
        assertThat(coach.say("programme").get(0).toString())
                .contains("not recorded yet (say \\\"next session 2027-05-10 14:00\\\")");
        assertThat(coach.say("next session 2027-05-10 14:00").text()).contains("Recorded the next session");
    }

    @Test
    void aSessionInAnotherYearShowsItsYear() {
        CLOCK.set(Instant.parse("2027-05-02T12:00:00Z"));
        assertThat(coach.say("next session 2028-01-10 14:00").text()).contains("Monday 10 Jan 2028 at 14:00 (UK time)")
                .contains("on Sunday 9 Jan 2028 at 14:00.");
    }

    @Test
    void myScheduleNamesTheZoneTeamsGaveAndNeverTellsAUkUserUtc() {
        CLOCK.set(Instant.parse("2027-05-02T12:00:00Z"));
        String aad = UUID.randomUUID().toString();
        Person onUtcDevice = chat.person(new User("29:" + aad, aad, "Leader on a UTC device", "UTC")).agree();

        assertThat(onUtcDevice.say("my schedule").text()).startsWith("Your check-ins follow UK time")
                .doesNotContain("UTC");
        assertThat(db.queryForObject("select time_zone from participant where teams_user_id = ?", String.class,
                onUtcDevice.userId())).isEqualTo("Europe/London");
        assertThat(people.get(3).say("my schedule").text()).startsWith("Your check-ins follow New York time");
        assertThat(people.get(0).say("time zone Europe/Paris").text()).isEqualTo("Your check-ins now follow Paris time "
                + "(Europe/Paris).");
        assertThat(people.get(0).say("my schedule").text()).startsWith("Your check-ins follow Paris time");
        assertThat(people.get(0).say("time zone UTC").text()).as("UTC stays anyone's own choice")
                .isEqualTo("Your check-ins now follow UTC.");
    }

    /**
     * A coach's question for the cohort (module question) where the clock must move: the scheduled check-in asks it,
     * and it ends at the next session, or after 14 days with none planned. The rest is in {@code CohortQuestionTest}.
     */
    @Nested
    class CohortQuestion {

        static final String EXAMPLE = "Where did you lead by example this week?";

        @Test
        void aScheduledCheckInAsksItUntilTheNextSessionThenTheUsualPromptsComeBack() {
            CLOCK.set(Instant.parse("2026-11-08T12:00:00Z")); // a Sunday
            setWeeklyMondayNine();
            assertThat(coach.say("next session 2026-11-12 14:00").text()).contains("Recorded the next session");
            assertThat(coach.say("ask everyone " + EXAMPLE).text())
                    .contains("until the next session, Thursday 12 Nov at 14:00 (UK time).");

            CLOCK.set(Instant.parse("2026-11-09T09:00:00Z")); // Monday 09:00 in London
            run();
            List<JsonNode> sent = sentTo(people.subList(0, 3));
            assertThat(sent).hasSize(3).allSatisfy(card -> {
                CardSchema.assertCardsValid(card);
                assertThat(card.toString()).contains("Time for your check-in").contains("\"From your coach\"")
                        .contains(EXAMPLE);
            });
            JsonNode data = cardData(sent.get(0));
            String promptId = data.path("promptId").asText();
            assertThat(promptId).matches("cohort-[0-9a-f]{16}");
            ObjectNode answer = ((ObjectNode) data.deepCopy()).put("wellbeing", "4").put("energy", "3")
                    .put("reflection", "Stayed for the whole handover instead of dropping in.");
            assertThat(people.get(0).click(answer).toString())
                    .contains("Saved");
            assertThat(db.queryForObject("select c.prompt_id from check_in c join participant p on p.id = "
                    + "c.participant_id where p.aad_object_id = ?", String.class, people.get(0).aadObjectId()))
                    .isEqualTo(promptId);
            assertThat(checkInCard(people.get(1))).as("typed, before the session").contains(EXAMPLE);

            CLOCK.set(Instant.parse("2026-11-12T14:00:01Z")); // the session has begun
            assertThat(checkInCard(people.get(1))).doesNotContain("From your coach").doesNotContain(EXAMPLE);
            assertThat(coach.say("question").toString())
                    .contains("No question is set right now");
        }

        @Test
        void withNoSessionPlannedItStaysFourteenDaysUnlessASessionRecordedLaterComesSooner() {
            CLOCK.set(Instant.parse("2027-02-01T10:00:00Z"));
            assertThat(coach.say("ask everyone " + EXAMPLE).text()).contains("until Monday 15 Feb at 10:00 (UK time), 14 "
                    + "days after it was set, as no session was planned (one recorded sooner ends it then).");
            CLOCK.set(Instant.parse("2027-02-15T09:59:00Z"));
            assertThat(checkInCard(people.get(0))).contains(EXAMPLE);
            CLOCK.set(Instant.parse("2027-02-15T10:00:00Z"));
            assertThat(checkInCard(people.get(1))).doesNotContain(EXAMPLE);

            CLOCK.set(Instant.parse("2027-03-01T10:00:00Z"));
            coach.say("ask everyone " + EXAMPLE);
            assertThat(coach.say("next session 2027-03-03 09:00").text()).contains("Recorded the next session");
            CLOCK.set(Instant.parse("2027-03-03T08:59:00Z"));
            assertThat(checkInCard(people.get(1))).contains(EXAMPLE);
            CLOCK.set(Instant.parse("2027-03-03T09:01:00Z"));
            assertThat(checkInCard(people.get(2))).doesNotContain(EXAMPLE);
        }

        private String checkInCard(Person user) {
            return user.say("check in").toString();
        }
    }

    /** When the newest pre-session digest trigger fires, as Quartz stored it. */
    Instant digestFiresAt() {
        long session = db.queryForObject("select max(id) from coaching_session", Long.class);
        return Instant.ofEpochMilli(db.queryForObject("select next_fire_time from qrtz_triggers where trigger_group = "
                + "'session-digest' and trigger_name = ?", Long.class, "session-" + session));
    }

    void setWeeklyMondayNine() {
        ObjectNode save = JSON.createObjectNode().put("action", "saveSchedule").put("everyWeeks", "1")
                .put("weekdays", "MONDAY").put("time", "09:00").put("openHours", "48").put("remindAfterHours", "24")
                .put("groupId", "");
        assertThat(coach.click(save).get(0).path("text").asText())
                .contains("every Monday at 09:00");
    }

    void run() {
        ticker.tick();
        worker.drainAll();
    }

    List<JsonNode> sentTo(List<Person> users) {
        List<String> ids = users.stream().map(Person::conversationId).toList();
        return CONNECTOR.sentActivities().stream().filter(a -> ids.contains(a.path("conversation").path("id").asText()))
                .filter(a -> a.path(ConnectorStub.IDEMPOTENCY_PROPERTY).asText().startsWith("prompt:")
                        || a.path(ConnectorStub.IDEMPOTENCY_PROPERTY).asText().startsWith("reminder:"))
                .toList();
    }

    Map<String, Long> sentPerPerson() {
        return sentTo(people).stream().collect(Collectors.groupingBy(a -> a.path("conversation").path("id").asText(),
                Collectors.counting()));
    }

    List<String> status(Person user) {
        return db.queryForList("select o.status from checkin_occurrence o join participant p on p.id = o.participant_id "
                + "where p.aad_object_id = ? and o.send_at <= ? order by o.send_at", String.class, user.aadObjectId(),
                java.sql.Timestamp.from(CLOCK.instant()));
    }

    static JsonNode cardData(JsonNode activity) {
        JsonNode card = activity.path("attachments").path(0).path("content");
        for (JsonNode action : card.path("actions")) {
            if ("checkin".equals(action.path("data").path("action").asText())) {
                return action.path("data");
            }
        }
        throw new AssertionError("no check-in action in " + card);
    }
}
