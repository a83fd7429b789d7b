package com.waymark.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.waymark.outbox.DeliveryWorker;
import com.waymark.outbox.OutboxService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One delivery process of the fan-out benchmark: the real application without its web server, seeding
 * due check-in prompts if asked, while its own delivery loop drains the outbox through the real Teams sender to the
 * stub.
 * The benchmark kills one of these with SIGKILL and starts another on the same database.
 */
public final class FanoutWorker implements Subcommand {

    static final String NODE = "fanout-node";

    @Override
    public String name() {
        return "fanout-worker";
    }

    @Override
    public String description() {
        return "(used by fanout-bench) deliver due prompts from a scratch database";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        BenchOptions options = new BenchOptions(args, List.of("data-dir", "service-url", "seed", "rate", "threads"));
        try (ConfigurableApplicationContext app = start(Path.of(options.text("data-dir", ".")),
                options.integer("rate", 500, 1, 100_000), options.integer("threads", 16, 1, 256))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            if (options.has("seed")) {
                seed(jdbc, options.integer("seed", 0, 0, 10_000_000), options.text("service-url", ""));
                out.println("seeded");
            }
            out.println("draining");
            out.flush();
            awaitDrained(app.getBean(OutboxService.class));
            out.println("drained");
        }
        return 0;
    }

    /** The application's own delivery loop sends; this only watches the queue empty. */
    static void awaitDrained(OutboxService outbox) throws InterruptedException {
        while (outbox.depth() > 0) {
            Thread.sleep(20);
        }
    }

    /**
     * The application without its web server or Quartz, delivering as in production: its own delivery loop
     * ({@link DeliveryWorker}) with the production poll period, claiming as its senders fall idle.
     */
    static ConfigurableApplicationContext start(Path dataDir, int rate, int threads) {
        return new SpringApplicationBuilder(Subcommands.application()).web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--waymark.data-dir=" + dataDir, "--spring.quartz.auto-startup=false",
                        "--waymark.outbox.node-id=" + NODE,
                        "--waymark.outbox.threads=" + threads, "--waymark.teams.rate.bot-per-second=" + rate,
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off", BenchRuntime.quartzOfItsOwn());
    }

    /** N consented participants, each with a 1:1 chat at the stub and one check-in prompt due now. */
    static void seed(JdbcTemplate jdbc, int n, String serviceUrl) {
        Timestamp now = Timestamp.from(Instant.now());
        String closes = Instant.now().plusSeconds(48 * 3600).toString();
        jdbc.batchUpdate("insert into participant (tenant_id, identity_key, teams_user_id, display_name, time_zone, "
                + "conversation_reference, reachable, created_at, updated_at) values (?, ?, ?, ?, ?, ?, true, ?, ?)",
                range(n), 1000, (PreparedStatement ps, Integer i) -> {
                    ps.setString(1, "bench-tenant");
                    ps.setString(2, "id:29:bench-" + i);
                    ps.setString(3, "29:bench-" + i);
                    ps.setString(4, "Bench Leader " + i);
                    ps.setString(5, "Europe/London");
                    ps.setString(6, "{\"channelId\":\"msteams\",\"serviceUrl\":\"" + serviceUrl + "\",\"conversation\":"
                            + "{\"id\":\"a:bench-" + i + "\",\"conversationType\":\"personal\",\"tenantId\":\"bench-tenant\"},"
                            + "\"user\":{\"id\":\"29:bench-" + i + "\"},\"bot\":{\"id\":\"28:waymark\",\"name\":\"Waymark\"}}");
                    ps.setTimestamp(7, now);
                    ps.setTimestamp(8, now);
                });
        jdbc.update("insert into outbox_message (idempotency_key, participant_id, kind, payload, status, due_at, "
                + "attempts, created_at) select 'prompt:bench:' || p.id, p.id, 'CHECKIN_PROMPT', "
                + "'{\"occurrenceId\":0,\"programmeId\":0,\"programmeName\":\"Fan-out benchmark\","
                + "\"promptId\":\"ai-best-self\",\"closesAt\":\"" + closes + "\",\"timeZone\":\"Europe/London\"}', "
                + "'PENDING', ?, 0, ? from participant p where p.tenant_id = 'bench-tenant'", now, now);
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
