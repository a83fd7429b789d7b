package com.waymark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.waymark.insight.ReflectionEmbeddings;
import com.waymark.support.Chat;
import com.waymark.support.Http;
import com.waymark.support.Prerequisites;
import com.waymark.support.ScratchPostgres;
import com.waymark.support.TeamsClient;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One set of Flyway migrations, two databases: the embedded H2 default and PostgreSQL for scale-out must end up
 * with the same tables and columns, and the whole application must run on PostgreSQL with the {@code postgres}
 * profile (Hibernate validates the schema, Quartz runs clustered). Each run gets a scratch PostgreSQL database,
 * dropped afterwards. Skipped, with a message, when PostgreSQL is not reachable at 127.0.0.1:5432 (a failure under
 * {@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationsOnBothDatabasesTest {

    private static final String ADMIN_USER = ScratchPostgres.ADMIN_USER;
    private static final String SQL_ONLY_SCHEMA = "sql_migrations";

    private ScratchPostgres postgres;
    private String databaseUrl;

    @BeforeAll
    void createScratchDatabase() {
        postgres = ScratchPostgres.create("test", "the H2/PostgreSQL migration and start-up tests");
        databaseUrl = postgres.available() ? postgres.url() : null;
    }

    @BeforeEach
    void needsPostgresql() {
        Prerequisites.require(postgres.available(), postgres.missingReason());
    }

    @AfterAll
    void dropScratchDatabase() throws SQLException {
        postgres.close();
    }

    @Test
    @Order(1)
    void theSameMigrationsGiveTheSameTablesAndColumnsOnH2AndPostgresql() throws Exception {
        Path dir = Files.createTempDirectory("waymark-h2-migrations-");
        String h2Url = "jdbc:h2:file:" + dir.resolve("waymark") + ";DB_CLOSE_ON_EXIT=FALSE";

        var h2 = migrate(h2Url, "sa", "h2", "PUBLIC");
        // A schema of its own: plain Flyway runs no Java migration (V32 is a Spring bean), so the application, started
        // on this database next, would find V32 missing below later migrations and refuse to start.
        var postgres = migrate(databaseUrl, ADMIN_USER, "postgresql", SQL_ONLY_SCHEMA);
        assertThat(h2.migrationsExecuted).isEqualTo(postgres.migrationsExecuted).isPositive();

        Map<String, String> h2Columns = columns(h2Url, "sa", "PUBLIC");
        Map<String, String> postgresColumns = columns(databaseUrl, ADMIN_USER, SQL_ONLY_SCHEMA);
        assertThat(h2Columns).containsKeys("participant.id", "check_in.reflection", "qrtz_triggers.next_fire_time");
        assertThat(postgresColumns).as("table.column -> type, length, nullability on PostgreSQL vs H2")
                .containsExactlyInAnyOrderEntriesOf(h2Columns);
    }

    @Test
    @Order(2)
    void theApplicationRunsOnPostgresqlWithAClusteredScheduler() throws Exception {
        Path dataDir = Files.createTempDirectory("waymark-postgres-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WaymarkApplication.class)
                .profiles("postgres")
                // Command-line arguments, so they win over any WAYMARK_DB_* in the environment running the tests.
                // The first test applied the SQL migrations alone, so V32 (Java, it needs the application's cipher)
                // comes after the later SQL ones here: allowed out of order on this database only.
                .run("--WAYMARK_DB_URL=" + databaseUrl, "--WAYMARK_DB_USER=" + ADMIN_USER, "--WAYMARK_DB_PASSWORD=",
                        "--server.port=0", "--waymark.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                        "--spring.flyway.out-of-order=true")) {

            assertThat(app.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(databaseUrl);
            var scheduler = app.getBean(Scheduler.class).getMetaData();
            assertThat(scheduler.isStarted()).isTrue();
            assertThat(scheduler.isJobStoreClustered()).as("Quartz clustered on PostgreSQL").isTrue();
            assertThat(scheduler.getJobStoreClass().getName()).endsWith("LocalDataSourceJobStore");

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Chat chat = new Chat(new TeamsClient(port, "http://127.0.0.1:9/"), null);
            int managementPort = app.getEnvironment().getProperty("local.management.port", Integer.class);
            assertThat(Http.get(managementPort, "/actuator/health/readiness").body()).contains("\"status\":\"UP\"");

            Chat.Person user = chat.person("Sam Adeyemi").agree();
            assertThat(user.say("4 3 Steadier week on PostgreSQL").get(0).toString()).contains("Saved");

            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(databaseUrl, ADMIN_USER, "", true));
            assertThat(db.queryForObject("select count(*) from check_in c join participant p on p.id = c.participant_id "
                    + "where p.aad_object_id = ?", Integer.class, user.aadObjectId())).isEqualTo(1);
            // Reflection embeddings: sealed bytes in bytea, the insert that reads its check-in, read back.
            long checkIn = db.queryForObject("select c.id from check_in c join participant p on p.id = c.participant_id "
                    + "where p.aad_object_id = ?", Long.class, user.aadObjectId());
            assertThat(app.getBean(ReflectionEmbeddings.class).vectors(List.of(checkIn)).get(checkIn)).hasSize(768);
            assertThat(db.queryForObject("select dimensions from reflection_embedding where check_in_id = ?",
                    Integer.class, checkIn)).isEqualTo(768);
            assertThat(db.queryForObject("select count(*) from qrtz_scheduler_state", Integer.class))
                    .as("the clustered scheduler checked in").isPositive();

            // The release ledger's timestamps and batch writes, stored and read back on PostgreSQL.
            db.update("insert into programme (tenant_id, name, time_zone, confidentiality_threshold, retention_days, "
                    + "join_code, created_at) values ('t', 'Ledger', 'Europe/London', 5, 0, 'LEDGER01', now())");
            long programme = db.queryForObject("select id from programme where join_code = 'LEDGER01'", Long.class);
            var ledger = app.getBean(com.waymark.privacy.ReleaseLedger.class);
            var five = com.waymark.privacy.ConfidentialityPolicy.withThreshold(5);
            java.time.Instant from = java.time.Instant.parse("2026-11-05T00:00:00Z");
            java.time.Instant to = java.time.Instant.parse("2026-11-19T00:00:00Z");
            Map<Long, String> people = new java.util.HashMap<>();
            for (long p = 1; p <= 5; p++) {
                people.put(p, "fp" + p);
            }
            var first = ledger.open(programme, five, from, to);
            assertThat(first.release("wellbeing|programme", from, to, people, "mean 4.0")).isTrue();
            assertThat(ledger.keep(programme, first)).as("a figure, its set and five members").isEqualTo(7);
            people.put(6L, "fp6");
            var second = ledger.open(programme, five, from.plusSeconds(86400), to);
            assertThat(second.entries()).hasSize(1);
            assertThat(second.release("wellbeing|programme", from, to, people, "mean 3.5")).isFalse();
        }
    }

    private static org.flywaydb.core.api.output.MigrateResult migrate(String url, String user, String vendor,
                                                                      String schema) {
        return Flyway.configure().dataSource(url, user, "").schemas(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
    }

    /**
     * {@code table.column} to {@code type(length) null|not null}, lower case; H2's binary large object and
     * PostgreSQL's bytea count as one binary type.
     */
    private static Map<String, String> columns(String url, String user, String schema) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, "");
             var query = connection.prepareStatement("select c.table_name, c.column_name, c.data_type, "
                     + "c.character_maximum_length, c.is_nullable from information_schema.columns c "
                     + "join information_schema.tables t on t.table_schema = c.table_schema "
                     + "and t.table_name = c.table_name and t.table_type = 'BASE TABLE' where c.table_schema = ?")) {
            query.setString(1, schema);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(3).toLowerCase(Locale.ROOT);
                    if (type.equals("bytea") || type.startsWith("binary")) {
                        type = "binary";
                    } else if (type.equals("timestamp without time zone")) {
                        type = "timestamp"; // the same type, spelt out by PostgreSQL
                    }
                    Object length = rows.getObject(4);
                    columns.put(lower(rows.getString(1)) + "." + lower(rows.getString(2)),
                            type + (length == null || type.equals("binary") ? "" : "(" + length + ")")
                                    + ("YES".equalsIgnoreCase(rows.getString(5)) ? " null" : " not null"));
                }
            }
        }
        return columns;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
