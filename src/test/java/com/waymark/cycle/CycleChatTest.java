package com.waymark.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.schedule.SessionDigests;
import com.waymark.support.Chat;
import com.waymark.support.Replies;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the cycle's chat tests share: a cohort, a session recorded and ended, its cards answered, its digest. */
abstract class CycleChatTest extends WaymarkIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    SessionEnds ends;
    @Autowired
    SessionDigests digests;

    Chat chat;

    @BeforeEach
    void chat() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
    }

    /** A coach and {@code size} agreed participants of a new programme. */
    Chat.Cohort cohort(int size) {
        return chat.cohort("Cycle", size);
    }

    /** Records a session {@code days} ahead and returns its id. */
    long record(Chat.Coach coach, int days) {
        return record(coach, days, "");
    }

    /** Records a session {@code days} ahead, with {@code extra} after its time (a length, a meeting). */
    long record(Chat.Coach coach, int days, String extra) {
        LocalDate day = LocalDate.now(LONDON).plusDays(days);
        Replies reply = coach.say("next session " + day + " 09:30" + extra);
        assertThat(reply.text()).startsWith("Recorded the next session of \"" + coach.programme() + "\"");
        return db.queryForObject("select max(session_id) from cycle_session where programme_id = ?", Long.class,
                coach.programmeId());
    }

    /** The session has begun (an hour ago) and is due to end in {@code endsIn}: as if the clock had moved on. */
    void begun(long session, Duration endsIn) {
        Instant now = Instant.now();
        db.update("update cycle_session set starts_at = ?, ends_at = ? where session_id = ?",
                OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now.plus(endsIn), ZoneOffset.UTC), session);
    }

    /** Records a session, has it begin an hour ago (schedule's session too) and end by the timer; returns its id. */
    long endedSession(Chat.Coach coach) {
        long session = record(coach, 3);
        begun(session, Duration.ofSeconds(-1));
        db.update("update coaching_session set starts_at = ? where id = ?",
                OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC), session);
        assertThat(ends.timerFired(session)).isPresent();
        return session;
    }

    /** Answers the after-session card: these commitments (none: "nothing this time") and the pulse's three items. */
    static void answer(Chat.Person person, long session, List<String> tries, int said, int mattered, int leave) {
        ObjectNode answers = Chat.action(tries.isEmpty() ? "cycle.nothing" : "cycle.after")
                .put("session", Long.toString(session)).put("said", Integer.toString(said))
                .put("mattered", Integer.toString(mattered)).put("leave", Integer.toString(leave));
        for (int i = 0; i < tries.size(); i++) {
            answers.put("try" + (i + 1), tries.get(i));
        }
        assertThat(person.click(answers).text()).startsWith("Saved");
    }

    /** Says how each of their commitments went. */
    void progress(Chat.Person person, String how) {
        ObjectNode progress = Chat.action("cycle.progress");
        db.queryForList("select action_id from cycle_commitment where participant_id = ?", Long.class, person.id())
                .forEach(action -> progress.put("c" + action, how));
        assertThat(person.click(progress).text()).startsWith("Saved");
    }

    /** The pre-session digest of a newly recorded session as its coach receives it, and the questions it chose. */
    record Digest(String text, List<String> questions) {
    }

    Digest digest(Chat.Coach coach) {
        long next = record(coach, 2);
        CONNECTOR.reset();
        assertThat(digests.sessionApproaching(next)).isOne();
        worker.drainAll();
        List<JsonNode> sent = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                a -> a.toString().contains("Before your session"));
        return new Digest(sent.get(0).toString(), db.queryForList("select question from digest_question where "
                + "session_id = ? order by position", String.class, next));
    }
}
