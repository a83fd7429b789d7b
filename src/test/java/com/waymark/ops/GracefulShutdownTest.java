package com.waymark.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.waymark.WaymarkApplication;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.outbox.OutboxService;
import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the application and starting it again on the same file database. The stop: the web server finishes
 * in-flight turns (graceful), Quartz waits for running jobs, and the delivery worker claims nothing more and gives back
 * what this node still holds, so the next start (or another instance) sends it at once instead of after the lease
 * runs out. The start after it: what a participant recorded is still there (a file database, not memory).
 * <p>
 * One stop and one start serve both, rather than a start of their own for each: a whole application start is the
 * slowest thing a test does.
 */
class GracefulShutdownTest {

    @Test
    void closingGivesBackClaimedMessagesStopsTheSchedulerAfterItsJobsAndTheNextStartFindsWhatPeopleRecorded()
            throws Exception {
        Path dataDir = Files.createTempDirectory("waymark-shutdown-");
        User user = User.fresh("Robin Hughes");
        ConfigurableApplicationContext app = start(dataDir,
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

            // What the next start must find: a consent, a check-in and an action.
            Chat.Person robin = new Chat(client(app), null).person(user).agree();
            robin.say("3 4 Before the restart");
            robin.say("add action Survive a restart");
        } finally {
            app.close();
        }
        assertThat(scheduler.isShutdown()).as("Quartz stopped with the application").isTrue();

        String url = "jdbc:h2:file:" + dataDir.resolve("waymark") + ";DB_CLOSE_ON_EXIT=FALSE";
        SingleConnectionDataSource stopped = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            assertThat(new JdbcTemplate(stopped).queryForMap(
                    "select status, lease_owner from outbox_message where idempotency_key = 'shutdown:1'"))
                    .as("given back on shutdown, for whoever starts next").containsEntry("STATUS", "PENDING")
                    .containsEntry("LEASE_OWNER", null);
        } finally {
            stopped.destroy(); // the file database admits one process's connections at a time
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Chat.Person robin = new Chat(client(second), null).as(user);
            assertThat(robin.say("my actions").get(0).toString()).contains("Survive a restart");
            assertThat(robin.say("my trend").get(0).toString()).contains("Check-ins so far")
                    .contains("\"value\":\"1\"");
            // Consent and the welcome were remembered: no second welcome, no consent request.
            assertThat(robin.say("4 4 After").get(0).toString()).contains("Saved");
        }
    }

    /** The outbox is not polled: what it holds stays as the test left it (nothing here reads a delivery). */
    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        // Command-line arguments, not builder defaults: those would lose to application.yml's data-dir.
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--waymark.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--waymark.outbox.poll-ms=0",
                "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(WaymarkApplication.class).run(args.toArray(String[]::new));
    }

    private static TeamsClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TeamsClient(port, "http://127.0.0.1:9/");
    }
}
