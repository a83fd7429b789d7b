package com.waymark.cycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.schedule.SessionTriggers;
import com.waymark.support.Chat;
import com.waymark.support.Http;
import com.waymark.support.Prerequisites;
import com.waymark.support.Replies;
import com.waymark.support.ScratchPostgres;
import com.waymark.support.SeparateInstance;
import com.waymark.support.TwoInstances;
import com.waymark.support.TeamsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's end across two instances sharing one PostgreSQL database and one clustered Quartz job store, as
 * replicas run: Teams' meeting-end event (the documented payload) posted to both at once and redelivered later, and the
 * durable end trigger firing while both run, each end once and each participant's after-session card once, whichever
 * comes first and whatever comes after. Two layers keep it once: the inbound record answers a redelivered activity
 * (the same id) without processing it, on any instance; past it, the claim in the database lets one signal end the
 * session (events with ids of their own, the timer).
 * <p>
 * Instance A runs in a JVM of its own (Quartz's registry is JVM-wide, so two clustered schedulers of one name need two
 * JVMs); instance B in this one. Both send through one connector stub, which counts deliveries per outbox key. Each
 * signal is counted on the instance that took it ({@code waymark_session_end_signals_total}), so the test sees where
 * the trigger fired. Sessions are recorded by the coach in Teams, then moved (in the database, and the trigger
 * re-planned) to have begun an hour ago and to end in a few seconds: the end trigger runs in real time. Both poll
 * Quartz's store every second, rather than every 30 s, so either may take it.
 * <p>
 * Skipped, with a message, when PostgreSQL is not reachable at 127.0.0.1:5432; failed instead under {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionEndOnTwoInstancesTest {

    private static final int PEOPLE = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SIGNALS = "waymark_session_end_signals_total";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private ScratchPostgres postgres;
    private ConnectorStub connector;
    private TwoInstances instances;
    private JdbcTemplate db;
    private TeamsClient toA;
    private TeamsClient toB;
    private Chat.Coach coach;
    private final List<Chat.Person> people = new ArrayList<>();

    @BeforeAll
    void twoInstancesAndACohort() throws Exception {
        postgres = ScratchPostgres.create("sessionend", "the two-instance session-end test");
        Prerequisites.require(postgres.available(), postgres.missingReason());
        long started = System.nanoTime();
        connector = new ConnectorStub();
        db = postgres.jdbc();
        instances = TwoInstances.start(postgres, "session-end", List.of("--waymark.outbox.poll-ms=50",
                "--waymark.enrol.pace-ms=0", "--waymark.bot.messages-per-minute=100000",
                // Each polls the job store every second rather than every 30 s, so either may take a trigger.
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000"));
        instances.a().awaitReady(Duration.ofSeconds(90), () -> { });
        toA = new TeamsClient(instances.portA(), connector.serviceUrl());
        toB = new TeamsClient(instances.portB(), connector.serviceUrl());
        assertThat(db.queryForList("select instance_name from qrtz_scheduler_state", String.class))
                .as("both schedulers checked in to the one clustered job store").hasSize(2);

        // A coach and a cohort, through B as Teams would: they agreed to the notice and joined with the code.
        Chat chat = new Chat(toB, db).requiringOk();
        coach = chat.coach("Coach Two");
        coach.agree();
        coach.createsUnique("Cycle");
        for (int i = 0; i < PEOPLE; i++) {
            people.add(chat.person("Leader " + i).agree().joins(coach));
        }
        System.out.printf(Locale.ROOT, "session-end-two-instances: start-up and cohort %.1f s%n",
                (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stopEverything() throws Exception {
        try (ScratchPostgres database = postgres; ConnectorStub teams = connector; TwoInstances both = instances) {
            // closed in reverse: the instances, then the stub, then the database
        }
    }

    @Test
    void aMeetingEndPostedToBothInstancesAtOnceAndRedeliveredEndsTheSessionOnceAndTheTimerAfterDoesNothing()
            throws Exception {
        long started = System.nanoTime();
        String thread = MeetingEndEvent.thread();
        long session = record(" for 90m meeting " + MeetingEndEvent.joinUrl(thread));
        Signals before = signals();
        endsIn(session, Duration.ofSeconds(4));

        // The same activity, as Teams sends it, to both instances at once: one processes it (202, as for any event),
        // the other finds it claimed in the shared inbound record and answers it as a redelivery (200).
        String event = MeetingEndEvent.of(thread, connector.serviceUrl(), people.get(0)).toString();
        assertThat(postToBothAtOnce(event)).as("one processed, one answered as a redelivery")
                .containsExactlyInAnyOrder(202, 200);
        assertThat(endedBy(session)).isEqualTo("MEETING_END");
        Instant endedAt = endedAt(session);
        assertThat(cardRows(session)).as("one card per participant, none for the coach").isEqualTo(expectedKeys(session));
        assertThat(signals().since(before)).isEqualTo(Map.of("meeting_end/ended", 1));
        awaitEachCardDeliveredOnce(session);

        // Teams redelivers it later, to each instance in turn: answered, not processed again.
        assertThat(toB.post(event).status()).isEqualTo(200);
        assertThat(toA.post(event).status()).isEqualTo(200);
        // The timer at the recorded end, on whichever instance takes it, finds the session ended.
        await("the end trigger fired", () -> signals().since(before).containsKey("timer/nothing"));
        assertThat(signals().since(before)).isEqualTo(Map.of("meeting_end/ended", 1, "timer/nothing", 1));
        assertThat(endTriggers(session)).as("nothing left to fire").isZero();
        assertThat(endedBy(session)).isEqualTo("MEETING_END");
        assertThat(endedAt(session)).isEqualTo(endedAt);
        assertThat(cardRows(session)).isEqualTo(expectedKeys(session));
        assertThat(deliveries(session)).isEqualTo(once(session));
        report("one event on both at once, redelivered, then the timer", started, before);
    }

    /**
     * Past the inbound record: two meeting-end events for one meeting, each with its own activity id, reach both
     * instances at the same moment (Teams sends one per meeting chat it knows the bot in, and retries with new ids),
     * and both are processed: the claim in the database lets one end the session.
     */
    @Test
    void twoMeetingEndsWithTheirOwnIdsProcessedOnBothInstancesAtOnceEndTheSessionOnce() throws Exception {
        long started = System.nanoTime();
        Signals before = signals();
        List<Long> sessions = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String thread = MeetingEndEvent.thread();
            long session = record(" meeting " + MeetingEndEvent.joinUrl(thread));
            sessions.add(session);
            endsIn(session, Duration.ofHours(1));
            assertThat(postToBothAtOnce(MeetingEndEvent.of(thread, connector.serviceUrl(), people.get(0)).toString(),
                    MeetingEndEvent.of(thread, connector.serviceUrl(), people.get(1)).toString()))
                    .as("both processed, round %d", round).containsExactly(202, 202);
            assertThat(endedBy(session)).isEqualTo("MEETING_END");
            assertThat(cardRows(session)).isEqualTo(expectedKeys(session));
        }
        assertThat(signals().since(before)).as("three claims won, three found the session ended")
                .isEqualTo(Map.of("meeting_end/ended", 3, "meeting_end/nothing", 3));
        for (long session : sessions) {
            awaitEachCardDeliveredOnce(session);
        }
        report("two events with their own ids on both at once, three rounds", started, before);
    }

    @Test
    void withNoMeetingTheEndTriggerFiresOnOneInstanceAndEachParticipantGetsOneCard() throws Exception {
        long started = System.nanoTime();
        long session = record("");
        Signals before = signals();
        endsIn(session, Duration.ofSeconds(2));
        assertThat(endTriggers(session)).isOne();

        await("the timer ended the session", () -> endedAt(session) != null);
        assertThat(endedBy(session)).isEqualTo("TIMER");
        awaitEachCardDeliveredOnce(session);
        await("the signal counted", () -> signals().since(before).containsKey("timer/ended"));
        assertThat(endTriggers(session)).as("fired and gone: nothing left to fire again").isZero();
        Signals after = signals();
        assertThat(after.since(before)).as("the trigger fired once, on one instance").isEqualTo(Map.of("timer/ended", 1));
        assertThat(cardRows(session)).isEqualTo(expectedKeys(session));
        report("timer alone", started, before);
    }

    @Test
    void aMeetingEndAfterTheTimerEndedTheSessionDoesNothingMore() throws Exception {
        long started = System.nanoTime();
        String thread = MeetingEndEvent.thread();
        long session = record(" meeting " + MeetingEndEvent.joinUrl(thread));
        Signals before = signals();
        endsIn(session, Duration.ofSeconds(2));
        await("the timer ended the session", () -> endedAt(session) != null);
        assertThat(endedBy(session)).isEqualTo("TIMER");
        Instant endedAt = endedAt(session);
        awaitEachCardDeliveredOnce(session);

        // The meeting overran: Teams says it ended after the recorded end, to both instances.
        String event = MeetingEndEvent.of(thread, connector.serviceUrl(), people.get(1)).toString();
        assertThat(postToBothAtOnce(event)).containsExactlyInAnyOrder(202, 200);
        assertThat(toA.post(MeetingEndEvent.of(thread, connector.serviceUrl(), people.get(2)).toString()).status())
                .as("and another with its own id").isEqualTo(202);
        assertThat(signals().since(before)).isEqualTo(Map.of("timer/ended", 1, "meeting_end/nothing", 2));
        assertThat(endedBy(session)).isEqualTo("TIMER");
        assertThat(endedAt(session)).isEqualTo(endedAt);
        assertThat(cardRows(session)).isEqualTo(expectedKeys(session));
        assertThat(deliveries(session)).isEqualTo(once(session));
        report("timer, then the meeting end on both", started, before);
    }

    /** The coach records the next session, three days ahead, through B. */
    private long record(String extra) {
        LocalDate day = LocalDate.now(LONDON).plusDays(3);
        Replies reply = coach.say("next session " + day + " 09:30" + extra);
        assertThat(reply.text()).startsWith("Recorded the next session of \"" + coach.programme() + "\"");
        return db.queryForObject("select max(session_id) from cycle_session where programme_id = ?", Long.class,
                coach.programmeId());
    }

    /** The session began an hour ago and ends in {@code endsIn}; its end trigger re-planned to match. */
    private void endsIn(long session, Duration endsIn) {
        Instant now = Instant.now();
        db.update("update cycle_session set starts_at = ?, ends_at = ? where session_id = ?",
                OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now.plus(endsIn), ZoneOffset.UTC), session);
        instances.b().getBean(SessionTriggers.class).plan(SessionEndJob.key(session), SessionEndJob.class, session,
                now.plus(endsIn));
    }

    private List<Integer> postToBothAtOnce(String body) throws Exception {
        return postToBothAtOnce(body, body);
    }

    /** Posts {@code toInstanceA} to A and {@code toInstanceB} to B at the same moment; their HTTP statuses, A's first. */
    private List<Integer> postToBothAtOnce(String toInstanceA, String toInstanceB) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> a = two.submit(() -> {
                go.await();
                return toA.post(toInstanceA).status();
            });
            Future<Integer> b = two.submit(() -> {
                go.await();
                return toB.post(toInstanceB).status();
            });
            go.countDown();
            return List.of(a.get(), b.get());
        } finally {
            two.shutdownNow();
        }
    }

    private String endedBy(long session) {
        return db.queryForObject("select ended_by from cycle_session where session_id = ?", String.class, session);
    }

    private Instant endedAt(long session) {
        OffsetDateTime at = db.queryForObject("select ended_at from cycle_session where session_id = ?",
                OffsetDateTime.class, session);
        return at == null ? null : at.toInstant();
    }

    private int endTriggers(long session) {
        return db.queryForObject("select count(*) from qrtz_triggers where trigger_name = ?", Integer.class,
                "end-" + session);
    }

    /** The after-session card's outbox keys for this session. */
    private Set<String> cardRows(long session) {
        return new TreeSet<>(db.queryForList("select idempotency_key from outbox_message where idempotency_key like ?",
                String.class, "after:s" + session + ":%"));
    }

    private Set<String> expectedKeys(long session) {
        return people.stream().map(p -> "after:s" + session + ":p" + p.id()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** How often the stub received each of this session's cards. */
    private Map<String, Integer> deliveries(long session) {
        return new TreeMap<>(connector.deliveriesByKey().entrySet().stream()
                .filter(e -> e.getKey().startsWith("after:s" + session + ":"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private Map<String, Integer> once(long session) {
        return new TreeMap<>(expectedKeys(session).stream().collect(Collectors.toMap(k -> k, k -> 1)));
    }

    private void awaitEachCardDeliveredOnce(long session) throws InterruptedException {
        await("every card sent", () -> db.queryForObject("select count(*) from outbox_message where idempotency_key "
                + "like ? and status = 'SENT'", Integer.class, "after:s" + session + ":%") == PEOPLE);
        assertThat(deliveries(session)).as("each participant's card delivered once").isEqualTo(once(session));
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + PATIENCE.toSeconds() + " s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Each instance's signal counts, by "by/outcome". */
    private record Signals(Map<String, Integer> a, Map<String, Integer> b) {

        /** What both instances counted since {@code before}, only what changed. */
        Map<String, Integer> since(Signals before) {
            Map<String, Integer> changed = new TreeMap<>();
            for (String key : Set.of("meeting_end/ended", "meeting_end/nothing", "timer/ended", "timer/nothing")) {
                int delta = a.get(key) + b.get(key) - before.a.get(key) - before.b.get(key);
                if (delta != 0) {
                    changed.put(key, delta);
                }
            }
            return changed;
        }

        /** Which instance counted what since {@code before}. */
        String where(Signals before) {
            List<String> said = new ArrayList<>();
            a.forEach((key, n) -> {
                if (n - before.a.get(key) != 0) {
                    said.add("A " + key + "=" + (n - before.a.get(key)));
                }
            });
            b.forEach((key, n) -> {
                if (n - before.b.get(key) != 0) {
                    said.add("B " + key + "=" + (n - before.b.get(key)));
                }
            });
            return String.join(", ", said);
        }
    }

    private Signals signals() {
        return new Signals(counts(Http.get(instances.a().managementPort(), "/actuator/prometheus").body()),
                counts(Http.get(instances.managementB(), "/actuator/prometheus").body()));
    }

    private static Map<String, Integer> counts(String exposition) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String by : List.of("meeting_end", "timer")) {
            for (String outcome : List.of("ended", "nothing")) {
                counts.put(by + "/" + outcome, (int) SeparateInstance.sample(exposition, SIGNALS,
                        "by=\"" + by + "\",outcome=\"" + outcome + "\""));
            }
        }
        return counts;
    }

    private void report(String what, long started, Signals before) {
        System.out.printf(Locale.ROOT, "session-end-two-instances: %s: %s; %.1f s%n", what, signals().where(before),
                (System.nanoTime() - started) / 1e9);
    }
}
