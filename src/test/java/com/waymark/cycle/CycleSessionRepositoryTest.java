package com.waymark.cycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.waymark.support.SliceRows;
import com.waymark.support.ThrowawayCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.waymark.support.SliceRows.insert;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two queries a session's end rests on, run as real SQL against the schema Flyway builds (H2 in memory): the one
 * conditional UPDATE that claims the end (of two callers on any instances, only the first sees 1, so the after-session
 * cards are queued once), and which session a meeting's end event means (begun, not ended, the latest of a recurring
 * meeting's thread). Only the JPA slice starts; a wrong {@code is null} or {@code <=} here would end a session twice or
 * not at all, which the chat tests would show only as a flaky count.
 */
@DataJpaTest
@Import(ThrowawayCipher.class)
class CycleSessionRepositoryTest {

    static final Instant NOW = Instant.parse("2027-02-01T10:00:00Z");
    static final String THREAD = "19:meeting_weekly@thread.v2";

    @Autowired
    CycleSessionRepository sessions;
    @Autowired
    JdbcTemplate db;

    long programme;

    @BeforeEach
    void aProgramme() {
        programme = SliceRows.programme(db, "Cycle slice", NOW);
    }

    @Test
    void onlyTheFirstClaimOfAnEndCounts() {
        long session = session(THREAD, NOW.minus(Duration.ofHours(2)));

        assertThat(sessions.claimEnd(session, NOW, CycleSession.EndedBy.MEETING_END.name())).isOne();
        assertThat(sessions.claimEnd(session, NOW.plusSeconds(1), CycleSession.EndedBy.TIMER.name())).isZero();

        CycleSession ended = sessions.findById(session).orElseThrow();
        assertThat(ended.getEndedAt()).isEqualTo(NOW);
        assertThat(ended.getEndedBy()).isEqualTo("MEETING_END");
        assertThat(sessions.claimEnd(999_999_999L, NOW, "TIMER")).as("no such session").isZero();
    }

    @Test
    void aMeetingsEndMeansItsLatestSessionThatHasBegunAndNotEnded() {
        long lastWeek = session(THREAD, NOW.minus(Duration.ofDays(7)));
        long today = session(THREAD, NOW.minus(Duration.ofMinutes(90)));
        long exactlyNow = session(THREAD, NOW);
        session(THREAD, NOW.plus(Duration.ofDays(7))); // next week's, not begun
        session("19:meeting_another@thread.v2", NOW.minus(Duration.ofMinutes(30)));
        sessions.claimEnd(lastWeek, NOW.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)), "TIMER");

        List<CycleSession> open = sessions.openInMeeting(List.of(THREAD), NOW);

        assertThat(open).extracting(CycleSession::getSessionId).containsExactly(exactlyNow, today);
        assertThat(sessions.openInMeeting(List.of("19:meeting_nobody@thread.v2"), NOW)).isEmpty();
    }

    /** A session of the programme in schedule's table, and the cycle's row beside it (90 minutes long). */
    private long session(String meetingKey, Instant startsAt) {
        long id = insert(db, "insert into coaching_session (programme_id, starts_at, digest_hours, created_at) "
                + "values (?, ?, 24, ?)", programme, startsAt, NOW.minus(Duration.ofDays(30)));
        sessions.saveAndFlush(new CycleSession(id, programme, startsAt, startsAt.plus(Duration.ofMinutes(90)),
                meetingKey));
        return id;
    }
}
