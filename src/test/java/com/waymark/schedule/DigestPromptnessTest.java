package com.waymark.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A pre-session digest already due is queued within seconds by the real Quartz scheduler on its JDBC store, not on
 * Quartz's next misfire scan (once a minute), which is where a trigger started 24 hours in the past used to wait.
 */
class DigestPromptnessTest extends WaymarkIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    @Test
    void aDigestAlreadyDueIsQueuedWithinSecondsNotOnTheNextMisfireScan() throws InterruptedException {
        Chat.Coach coach = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db)
                .coach(Chat.uniqueName("Coach")).agree().createsUnique("Digest");
        long programme = coach.programmeId();

        ZonedDateTime inTwoHours = ZonedDateTime.now(ZoneId.of("Europe/London")).plusHours(2);
        String reply = coach.say("next session " + inTwoHours.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .toString();
        assertThat(reply).contains("Recorded the next session").contains("straight away");
        Instant recorded = Instant.now();
        long session = db.queryForObject("select max(id) from coaching_session where programme_id = ?", Long.class,
                programme);

        // Well under the minute a misfire scan could take, with room for a busy machine.
        Instant deadline = recorded.plus(Duration.ofSeconds(15));
        int queued = 0;
        while (queued == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            queued = db.queryForObject("select count(*) from outbox_message where idempotency_key like ?",
                    Integer.class, "digest:s" + session + ":%");
        }
        assertThat(queued).as("the digest is queued for the coach within seconds of the session being recorded")
                .isEqualTo(1);
    }
}
