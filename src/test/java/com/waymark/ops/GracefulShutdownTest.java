package com.waymark.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.waymark.WaymarkApplication;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.outbox.OutboxService;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the application: the web server finishes in-flight turns (graceful), Quartz waits for running jobs, and
 * the delivery worker claims nothing more and gives back what this node still holds, so the next start (or another
 * instance) sends it at once instead of after the lease runs out.
 */
class GracefulShutdownTest {

    @Test
    void closingGivesBackClaimedMessagesAndStopsTheSchedulerAfterItsJobs() throws Exception {
        Path dataDir = Files.createTempDirectory("waymark-shutdown-");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WaymarkApplication.class)
                .run("--server.port=0", "--waymark.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                        "--waymark.outbox.poll-ms=0", "--logging.level.root=WARN",
                        // Quartz keys its connections by scheduler name, JVM-wide: not the shared test context's.
                        "--spring.quartz.scheduler-name=waymark-shutdown-test");
        String node;
        Scheduler scheduler;
        try {
            assertThat(app.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
            assertThat(app.getEnvironment().getProperty("spring.quartz.wait-for-jobs-to-complete-on-shutdown"))
                    .isEqualTo("true");
            JdbcTemplate db = app.getBean(JdbcTemplate.class);
            Timestamp now = Timestamp.from(Instant.now());
            db.update("insert into participant (tenant_id, identity_key, teams_user_id, display_name, time_zone, "
                    + "reachable, created_at, updated_at) values ('t', 'id:29:shutdown', '29:shutdown', 'Shut Down', "
                    + "'Europe/London', true, ?, ?)", now, now);
            long participant = db.queryForObject("select id from participant where identity_key = 'id:29:shutdown'",
                    Long.class);
            db.update("insert into outbox_message (idempotency_key, participant_id, kind, payload, status, due_at, "
                    + "attempts, created_at) values ('shutdown:1', ?, 'CHECKIN_PROMPT', '{}', 'PENDING', ?, 0, ?)",
                    participant, now, now);
            node = app.getBean(DeliveryWorker.class).node();
            // In hand when the stop comes: claimed by this node, not yet sent.
            assertThat(app.getBean(OutboxService.class).claim(node, 10, Duration.ofMinutes(5)).messages()).hasSize(1);
            assertThat(db.queryForObject("select status from outbox_message where idempotency_key = 'shutdown:1'",
                    String.class)).isEqualTo("CLAIMED");
            scheduler = app.getBean(Scheduler.class);
            assertThat(scheduler.isStarted()).isTrue();
        } finally {
            app.close();
        }
        assertThat(scheduler.isShutdown()).as("Quartz stopped with the application").isTrue();

        String url = "jdbc:h2:file:" + dataDir.resolve("waymark") + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcTemplate after = new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));
        assertThat(after.queryForMap("select status, lease_owner from outbox_message where idempotency_key = 'shutdown:1'"))
                .as("given back on shutdown, for whoever starts next").containsEntry("STATUS", "PENDING")
                .containsEntry("LEASE_OWNER", null);
    }
}
