package com.waymark.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With nothing due, the delivery loop waits its poll period (500 ms by default), or less when a message falls due
 * sooner: a retry after Teams' Retry-After goes when Teams said it may, not up to half a second later.
 */
class DeliveryWorkerIdleTest extends WaymarkIntegrationTest {

    @Autowired
    DeliveryWorker worker;
    @Autowired
    OutboxService outbox;
    @Autowired
    JdbcTemplate db;

    @Test
    void anIdleLoopWakesWhenTheNextMessageFallsDue() {
        worker.stop(); // nothing claims the row meanwhile
        long participant = -1;
        try {
            assertThat(worker.idleMillis()).isBetween(10L, 500L);
            String identity = "id:29:idle-" + UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            db.update("insert into participant (tenant_id, identity_key, teams_user_id, display_name, time_zone, "
                    + "reachable, created_at, updated_at) values ('idle-tenant', ?, ?, 'Idle Test', 'Europe/London', "
                    + "true, ?, ?)", identity, identity, now, now);
            participant = db.queryForObject("select id from participant where identity_key = ?", Long.class, identity);
            db.update("insert into outbox_message (idempotency_key, participant_id, kind, payload, status, due_at, "
                    + "attempts, created_at) values (?, ?, 'CHECKIN_PROMPT', '{}', 'PENDING', ?, 1, ?)",
                    "idle-test:" + identity, participant, Timestamp.from(Instant.now().plusMillis(300)), now);

            assertThat(outbox.nextDue()).isPresent();
            assertThat(worker.idleMillis()).as("wakes for the retry due in 300 ms").isBetween(10L, 300L);
        } finally {
            db.update("delete from outbox_message where participant_id = ?", participant);
            db.update("delete from participant where id = ?", participant);
            worker.start();
        }
    }
}
