package com.waymark.insider;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.bench.ConnectorStub;
import com.waymark.WaymarkApplication;
import com.waymark.checkin.ActionPlanService;
import com.waymark.checkin.CheckInService;
import com.waymark.checkin.CheckInSubmission;
import com.waymark.privacy.ConsentService;
import com.waymark.privacy.DataRightsService;
import com.waymark.privacy.FieldCipher;
import com.waymark.privacy.PersonLock;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.ProgrammeSettings;
import com.waymark.programme.TeamsIdentity;
import com.waymark.schedule.PersonalScheduleService;
import com.waymark.schedule.RetentionSweep;
import com.waymark.schedule.AwayReason;
import com.waymark.support.BotFrameworkTokens;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.EveryColumn;
import com.waymark.support.Http;
import com.waymark.support.MutableClock;
import com.waymark.support.Prerequisites;
import com.waymark.support.ScratchPostgres;
import com.waymark.support.SecuredIntegrationTest;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.Answer;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, items 6, 11 and 12, attacked over HTTP as Teams posts them, on the application as deployed (credentials,
 * tokens, encryption key) with a clock the tests move: erasure racing the person's own writes, a retention promise
 * that must be kept, and operational figures on the public port. The per-person rate limit is off here, so that a
 * burst of writes really reaches the database together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "management.server.address=127.0.0.1",
        "waymark.bot.app-id=" + SecuredIntegrationTest.APP_ID,
        "waymark.bot.app-password=not-a-real-secret",
        "waymark.bot.allowed-tenants=" + TeamsClient.TENANT,
        "waymark.admins=" + InsiderAttackLifecycleTest.COACH_AAD,
        "waymark.bot.messages-per-minute=0",
        "waymark.encryption.key=" + SecuredIntegrationTest.ENCRYPTION_KEY,
        "waymark.outbox.poll-ms=0",
        "spring.quartz.auto-startup=false"})
@AutoConfigureObservability(tracing = false)
class InsiderAttackLifecycleTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    static final BotFrameworkTokens TOKENS = BotFrameworkTokens.get();
    static final ConnectorStub CONNECTOR = connector();
    static final int RUNS = 50;
    static final String TURN_ERROR = "Sorry, something went wrong";
    /** The one person allowed to create programmes ({@code waymark.admins}), as a deployment names its admins. */
    static final String COACH_AAD = "5c0a7c4e-0b1d-4c2e-9f3a-6b7c8d9e0f1a";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock lifecycleTestClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("waymark-lifecycle-");
        registry.add("waymark.data-dir", dir::toString);
        registry.add("waymark.bot.open-id-metadata", TOKENS::metadataUrl);
    }

    @AfterAll
    static void stop() {
        CONNECTOR.close();
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int management;
    @Autowired
    JdbcTemplate db;
    @Autowired
    FieldCipher cipher;
    @Autowired
    RetentionSweep retention;
    @Autowired
    ProgrammeService programmes;

    TeamsClient teams;
    Chat chat;

    @BeforeEach
    void client() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl())
                .authorizedBy(() -> "Bearer " + TOKENS.valid(SecuredIntegrationTest.APP_ID, CONNECTOR.serviceUrl()));
        chat = new Chat(teams, db).requiringOk();
    }

    // --- Item 6: "delete my data" confirmed together with the person's own writes -----------------------------------

    /**
     * The attack: confirm "delete my data" while the same person's check-ins and other writes are in flight (a double
     * tap is enough). Before, 2 of 12 tries left check-in rows of a person who no longer existed, decryptable with
     * the key. Now, run {@value #RUNS} times with five writes each, every column of every table is scanned afterwards:
     * nothing of the erased person, and every write got a real answer, never the turn-error apology.
     */
    @Test
    void erasureRacingFiveOfThePersonsOwnWritesLeavesNothingOfThem() throws Exception {
        List<String> needles = new ArrayList<>();
        List<Long> erasedIds = new ArrayList<>();
        List<String> identities = new ArrayList<>();
        List<String> aadIds = new ArrayList<>();
        int writesStored = 0;
        int writesRefused = 0;
        // Ids no other column holds by chance, so the scan can look for them in every number column.
        long distinctive = 700_000_000L + db.queryForObject("select coalesce(max(id), 0) from participant", Long.class);
        db.execute("alter table participant alter column id restart with " + distinctive);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int run = 0; run < RUNS; run++) {
                User person = User.fresh("Rowan Tremlett-" + run);
                Person rowan = chat.person(person).agree();
                rowan.say("3 3 an ordinary Tuesday " + run);
                long id = rowan.id();
                String storedBefore = db.queryForObject("select reflection from check_in where participant_id = ?",
                        String.class, id);
                assertThat(rowan.say("delete my data").toString()).contains("confirmErase");

                String first = "Quince lantern before the erasure " + run;
                String second = "Periwinkle estates walk during the erasure " + run;
                String action = "Marmalade governance follow-up " + run;
                List<Supplier<Answer>> writes = List.of(
                        () -> teams.expectReplies(teams.cardSubmit(person,
                                JSON.createObjectNode().put("action", "confirmErase"))),
                        () -> teams.expectReplies(teams.message(person, "4 4 " + first)),
                        () -> teams.expectReplies(teams.message(person, "2 3 " + second)),
                        () -> teams.expectReplies(teams.message(person, "add action " + action)),
                        () -> teams.expectReplies(teams.message(person, "quiet hours 21:00-07:00")),
                        () -> teams.expectReplies(teams.message(person, "leave 2027-01-04 to 2027-01-05")));
                List<Answer> answers = together(pool, writes);

                for (Answer answer : answers) {
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.body()).doesNotContain(TURN_ERROR);
                }
                assertThat(answers.get(0).body()).contains("erased");
                for (Answer write : answers.subList(1, answers.size())) {
                    if (write.body().contains(PersonLock.PersonErased.ANSWER.substring(0, 30))) {
                        writesRefused++;
                    } else {
                        writesStored++;
                    }
                }
                needles.addAll(List.of(first, second, action, storedBefore));
                identities.addAll(List.of(person.name(), person.aadObjectId(), person.userId()));
                aadIds.add(person.aadObjectId());
                erasedIds.add(id);
            }
        } finally {
            pool.shutdownNow();
        }
        // Both orders happened: writes that got in first (and were erased with the rest) and writes that came second.
        assertThat(writesStored).as("writes answered before the erasure").isPositive();
        assertThat(writesRefused).as("writes that found the person erased").isPositive();

        assertThat(EveryColumn.scan(db, needles, erasedIds)).as("rows still holding something of an erased person")
                .isEmpty();
        // Embeddings of the check-ins that got in first were computed after their commit, racing the erasure too.
        assertThat(db.queryForObject("select count(*) from reflection_embedding e where not exists "
                + "(select 1 from check_in c where c.id = e.check_in_id)", Integer.class)).isZero();
        // A write that arrived after the erasure had committed is a new hello, as the erasure's answer says: a fresh
        // identity row, without consent, so nothing of what it carried was stored. That row is all there is of them.
        List<Long> afresh = db.queryForList("select id from participant where aad_object_id in ("
                + "?,".repeat(aadIds.size() - 1) + "?)", Long.class, aadIds.toArray());
        assertThat(afresh).doesNotContainAnyElementsOf(erasedIds);
        assertThat(EveryColumn.scan(db, identities, List.of())).as("what names them, besides a fresh identity row")
                .allSatisfy(hit -> assertThat(hit).startsWith("\"PARTICIPANT\"."));
        for (String table : List.of("consent_record", "check_in", "action_item", "unavailable_day",
                "participant_preferences", "membership", "outbox_message")) {
            for (long fresh : afresh) {
                assertThat(count("select count(*) from " + table + " where participant_id = ?", fresh)).as(table)
                        .isZero();
            }
        }
    }

    /**
     * The same race on PostgreSQL, whose foreign-key checks lock the parent row: there the unlocked race ended in
     * foreign-key errors rather than orphans. At the service level, {@value #RUNS} times: erasure and five writes of
     * the person's own start together; every write either completes (and is then erased with the rest) or finds the
     * person gone, and afterwards no column of any table holds the erased person's id or words.
     */
    @Test
    void erasureRacingTheSameWritesOnPostgresqlLeavesNothingEither() throws Exception {
        ScratchPostgres postgres = ScratchPostgres.create("erasure_race", "the erasure race on PostgreSQL");
        try (postgres) {
            Prerequisites.require(postgres.available(), postgres.missingReason());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WaymarkApplication.class).run(
                    "--spring.profiles.active=postgres", "--WAYMARK_DB_URL=" + postgres.url(),
                    "--WAYMARK_DB_USER=" + ScratchPostgres.ADMIN_USER, "--WAYMARK_DB_PASSWORD=",
                    "--waymark.bot.app-id=", "--server.port=0", "--spring.main.banner-mode=off",
                    "--waymark.data-dir=" + Files.createTempDirectory("waymark-race-pg-"),
                    "--spring.quartz.auto-startup=false", "--waymark.outbox.poll-ms=0",
                    "--spring.quartz.scheduler-name=waymark-race-" + java.util.UUID.randomUUID())) {
                raceOn(app);
            }
        }
    }

    private void raceOn(ConfigurableApplicationContext app) throws Exception {
        JdbcTemplate pg = app.getBean(JdbcTemplate.class);
        pg.execute("alter table participant alter column id restart with 700000000");
        var participants = app.getBean(ParticipantService.class);
        var consent = app.getBean(ConsentService.class);
        var checkIns = app.getBean(CheckInService.class);
        var actions = app.getBean(ActionPlanService.class);
        var schedule = app.getBean(PersonalScheduleService.class);
        var dataRights = app.getBean(DataRightsService.class);
        List<Long> erased = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int stored = 0;
        int refused = 0;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int run = 0; run < RUNS; run++) {
                String aad = java.util.UUID.randomUUID().toString();
                long id = participants.recognise(new TeamsIdentity(TeamsClient.TENANT, "29:" + aad, aad,
                        "Sorcha Ní Race-" + run, "Europe/London"), null).getId();
                consent.consent(id);
                String first = "Lantern quince on PostgreSQL " + run;
                String second = "Periwinkle estates on PostgreSQL " + run;
                String action = "Marmalade action on PostgreSQL " + run;
                List<java.util.concurrent.Callable<Object>> writes = List.of(
                        () -> dataRights.erase(id),
                        () -> checkIns.record(id, new CheckInSubmission("4", "4", null, first, false,
                                CheckInSubmission.Source.TEXT, null, null)),
                        () -> checkIns.record(id, new CheckInSubmission("2", "3", null, second, true,
                                CheckInSubmission.Source.TEXT, null, null)),
                        () -> actions.add(id, action),
                        () -> {
                            schedule.quietHours(id, java.time.LocalTime.of(21, 0), java.time.LocalTime.of(7, 0));
                            return "quiet";
                        },
                        () -> schedule.away(id, LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-05"),
                                AwayReason.LEAVE));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Object>> futures = new ArrayList<>();
                for (var write : writes) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return write.call();
                    }));
                }
                go.countDown();
                for (Future<Object> future : futures.subList(1, futures.size())) {
                    try {
                        future.get(60, TimeUnit.SECONDS);
                        stored++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).as("the only refusal: the person was erased meanwhile")
                                .isInstanceOf(PersonLock.PersonErased.class);
                        refused++;
                    }
                }
                futures.get(0).get(60, TimeUnit.SECONDS);
                erased.add(id);
                words.addAll(List.of(first, second, action, "Sorcha Ní Race-" + run, aad));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored).as("writes that got in before the erasure").isPositive();
        assertThat(refused).as("writes that found the person erased").isPositive();
        List<String> found = new ArrayList<>();
        String ids = erased.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        for (Map<String, Object> column : pg.queryForList("select table_name, column_name, data_type from "
                + "information_schema.columns where table_schema = current_schema()")) {
            String where = "\"" + column.get("table_name") + "\".\"" + column.get("column_name") + "\"";
            String type = (String) column.get("data_type");
            if (List.of("bigint", "integer", "smallint", "numeric").contains(type)) {
                if (count(pg, "select count(*) from \"" + column.get("table_name") + "\" where \""
                        + column.get("column_name") + "\" in (" + ids + ")") > 0) {
                    found.add(where);
                }
            } else if (List.of("character varying", "text").contains(type)) {
                for (String word : words) {
                    if (count(pg, "select count(*) from \"" + column.get("table_name") + "\" where \""
                            + column.get("column_name") + "\" like ?", "%" + word + "%") > 0) {
                        found.add(where + " contains " + word);
                    }
                }
            }
        }
        assertThat(found).as("columns still holding something of an erased person, on PostgreSQL").isEmpty();
    }

    private static int count(JdbcTemplate jdbc, String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    // --- Item 11: the retention promise on the programme card -------------------------------------------------------

    /**
     * The attack: the card promised "365 days after the programme ends" and nothing ever deleted anything. Now a
     * programme that ended on 30 Nov 2026 with 30 days' retention keeps its answers to the end of 30 Dec; the sweep
     * after that erases its check-ins (with their embeddings), peer coaching, scheduled check-ins, requests for a call
     * and who took part, and the action plan of someone whose only programme it was. Another programme, and what
     * is still within retention, stay whole; a second sweep erases nothing more.
     */
    @Test
    void aProgrammesAnswersGoOnceItsRetentionHasPassedAndNothingElse() {
        CLOCK.set(Instant.parse("2026-11-25T09:00:00Z"));
        // The one person allowed to create programmes here (waymark.admins).
        Coach coach = chat.coach(new User("29:" + COACH_AAD, COACH_AAD, "Coach Imogen Falstaff-Reyes",
                "Europe/London")).agree().creates("Ended retention cohort");
        long ended = coach.programmeId();
        String endedCode = coach.joinCode();
        coach.creates("Running retention cohort");
        long running = coach.programmeId();
        String runningCode = coach.joinCode();
        long coachId = coach.id();
        // The coach's settings card, at the service: an end date and 30 days' retention.
        programmes.update(coachId, ended, new ProgrammeSettings("Ended retention cohort", null, "Europe/London",
                LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-30"), 5, 30, null));
        assertThat(coach.say("use programme Ended retention cohort").toString()).isNotEmpty();
        assertThat(coach.say("programme").toString())
                .contains("to the end of 30 Dec 2026, 30 days after the programme ends; then its check-ins, "
                        + "reflections, peer-coaching answers and who took part are erased within a day");

        Person onlyEnded = chat.person("Alys Penhaligon-Ward").agree();
        Person both = chat.person("Bartholomew Quist-Adebayo").agree();
        Person onlyRunning = chat.person("Catrin Oyelaran-Hughes").agree();
        onlyEnded.join(endedCode);
        both.join(endedCode);
        onlyEnded.say("4 4 Ended-cohort reflection of Alys about the quince board");
        both.say("3 4 Ended-cohort reflection of Bartholomew on lantern rounds");
        onlyEnded.click("requestCoachCall");
        onlyEnded.say("add action Alys walks the periwinkle ward");
        both.say("add action Bartholomew briefs the estates team");
        both.join(runningCode);
        onlyRunning.join(runningCode);
        both.say("2 3 Running-cohort reflection of Bartholomew on winter pressures");
        onlyRunning.say("5 4 Running-cohort reflection of Catrin on the new rota");
        long alys = onlyEnded.id();
        long bart = both.id();
        long catrin = onlyRunning.id();
        assertThat(db.queryForList("select programme_id from check_in where participant_id in (?, ?, ?) "
                + "order by id", Long.class, alys, bart, catrin)).containsExactly(ended, ended, running, running);
        seedPeerCoaching(ended, alys, bart, "Alys found the pairing with Bartholomew useful");
        seedPeerCoaching(running, bart, catrin, "Catrin and Bartholomew swapped rota ideas");
        seedOccurrence(ended, alys);
        seedOccurrence(running, catrin);
        db.update("insert into reflection_embedding (check_in_id, model, dimensions, vector, created_at) "
                + "select id, 'test-model', 1, X'00', ? from check_in c where programme_id in (?, ?) and not exists "
                + "(select 1 from reflection_embedding e where e.check_in_id = c.id)",
                java.sql.Timestamp.from(CLOCK.instant()), ended, running);

        List<String> endedNeedles = new ArrayList<>(List.of("Ended-cohort reflection", "Alys found the pairing",
                "Alys walks the periwinkle ward"));
        endedNeedles.addAll(db.queryForList("select reflection from check_in where programme_id = ?", String.class,
                ended));
        endedNeedles.addAll(db.queryForList("select text from action_item where participant_id = ?", String.class,
                alys));
        Map<String, Integer> runningBefore = countsOf(running, bart, catrin);
        assertThat(EveryColumn.scan(db, endedNeedles, List.of())).as("the scan sees what it looks for").isNotEmpty();

        // Within retention (30 Dec, late evening in London): nothing goes.
        CLOCK.set(Instant.parse("2026-12-30T23:30:00Z"));
        assertThat(retention.sweep().rows()).isZero();
        assertThat(EveryColumn.scan(db, endedNeedles, List.of())).isNotEmpty();

        // The first minutes of 31 Dec: the ended programme's answers go, every table scanned.
        CLOCK.set(Instant.parse("2027-01-01T00:10:00Z").minusSeconds(86_400));
        RetentionSweep.Outcome swept = retention.sweep();
        assertThat(swept.programmes()).isEqualTo(1);
        assertThat(swept.rows()).isPositive();
        assertThat(EveryColumn.scan(db, endedNeedles, List.of())).as("the ended programme's answers, anywhere")
                .isEmpty();
        for (String table : List.of("check_in", "checkin_occurrence", "pairing_round", "pairing_opt_out",
                "forbidden_pair", "coach_call_request", "membership")) {
            assertThat(count("select count(*) from " + table + " where programme_id = ?", ended)).as(table).isZero();
        }
        assertThat(count("select count(*) from pairing_follow_up where participant_id = ?", alys)).isZero();
        assertThat(count("select count(*) from action_item where participant_id = ?", alys))
                .as("Alys's plan: the ended programme was her only one").isZero();
        assertThat(count("select count(*) from reflection_embedding e where not exists "
                + "(select 1 from check_in c where c.id = e.check_in_id)")).isZero();

        // Everything of the running programme, and Bartholomew's plan (he is still in it), stays.
        assertThat(countsOf(running, bart, catrin)).isEqualTo(runningBefore);
        assertThat(count("select count(*) from action_item where participant_id = ?", bart)).isOne();
        // The people themselves, the programme and its coach stay: only the answers and the places went.
        assertThat(count("select count(*) from participant where id in (?, ?)", alys, bart)).isEqualTo(2);
        assertThat(coach.say("programme").toString()).contains("Ended retention cohort");

        // Idempotent: the next day's sweep finds the programme still past retention and nothing left to erase.
        CLOCK.set(Instant.parse("2027-01-01T00:10:00Z"));
        RetentionSweep.Outcome again = retention.sweep();
        assertThat(again.programmes()).isEqualTo(1);
        assertThat(again.rows()).isZero();
        assertThat(countsOf(running, bart, catrin)).isEqualTo(runningBefore);

        // And the notice every participant agrees to says so.
        assertThat(onlyRunning.say("privacy").toString()).contains("kept until the programme has ended and 365 "
                + "days have passed for Running retention cohort, then erased within a day");
    }

    // --- Item 12: operational endpoints off the public port ---------------------------------------------------------

    /**
     * The attack: with credentials configured, anyone who can reach the bot's endpoint read {@code /actuator/prometheus}.
     * Now the bot's port answers 404 for everything under {@code /actuator}; the management port (9090 in a deployment,
     * random here) serves the probes and the metrics.
     */
    @Test
    void operationalEndpointsAnswerOnlyOnTheManagementPort() {
        assertThat(management).isNotEqualTo(port);
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness", "/actuator", "/actuator/info", "/actuator/env")) {
            assertThat(Http.get(port, path).status()).as("public port " + path).isEqualTo(404);
        }
        var liveness = Http.get(management, "/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
        // Readiness answers too; it reads DOWN here only because this test leaves the Quartz scheduler stopped.
        var readiness = Http.get(management, "/actuator/health/readiness");
        assertThat(readiness.json().path("status").asText()).isIn("UP", "DOWN");
        assertThat(readiness.status()).isEqualTo("UP".equals(readiness.json().path("status").asText()) ? 200 : 503);
        // The bot itself still answers on its port, with a token as before; its meters are read on the other.
        assertThat(teams.expectReplies(teams.install(User.fresh("Probe Person"))).status()).isEqualTo(200);
        var metrics = Http.get(management, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("waymark_messages_in_total");
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** Starts every write at the same instant and waits for all the answers, in the order given. */
    private static List<Answer> together(ExecutorService pool, List<Supplier<Answer>> writes) throws Exception {
        CountDownLatch ready = new CountDownLatch(writes.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        for (Supplier<Answer> write : writes) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return write.get();
            }));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private Map<String, Integer> countsOf(long programme, long memberA, long memberB) {
        return Map.of(
                "check_in", count("select count(*) from check_in where programme_id = ?", programme),
                "embeddings", count("select count(*) from reflection_embedding where check_in_id in "
                        + "(select id from check_in where programme_id = ?)", programme),
                "pairing", count("select count(*) from pairing_follow_up f join pairing_group g on g.id = f.group_id "
                        + "join pairing_round r on r.id = g.round_id where r.programme_id = ?", programme),
                "occurrences", count("select count(*) from checkin_occurrence where programme_id = ?", programme),
                "memberships", count("select count(*) from membership where programme_id = ?", programme),
                "forbidden", count("select count(*) from forbidden_pair where programme_id = ?", programme),
                "actions", count("select count(*) from action_item where participant_id in (?, ?)", memberA, memberB));
    }

    /** A round in which the two met, the follow-up one of them answered, an opt-out and a pair the coach forbade. */
    private void seedPeerCoaching(long programme, long first, long second, String oneThing) {
        var at = java.sql.Timestamp.from(CLOCK.instant());
        db.update("insert into pairing_plan (programme_id, every_weeks, weekday, local_time, mode, seed, total_rounds, "
                + "follow_up_days, first_round_on, active, created_at) values (?, 2, 'MONDAY', '09:00', 'MIXED', 1, 6, 5, "
                + "?, true, ?)", programme, java.sql.Date.valueOf("2026-11-02"), at);
        long plan = db.queryForObject("select max(id) from pairing_plan where programme_id = ?", Long.class, programme);
        db.update("insert into pairing_round (plan_id, programme_id, round_index, mode, run_at, follow_up_at) "
                + "values (?, ?, 0, 'MIXED', ?, ?)", plan, programme, at, at);
        long round = db.queryForObject("select id from pairing_round where plan_id = ?", Long.class, plan);
        db.update("insert into pairing_group (round_id, matches_mode, repeat_pairs, created_at) values (?, true, 0, ?)",
                round, at);
        long group = db.queryForObject("select id from pairing_group where round_id = ?", Long.class, round);
        for (long person : List.of(first, second)) {
            db.update("insert into pairing_member (round_id, group_id, participant_id, role, organisation, status, "
                    + "updated_at) values (?, ?, ?, 'Director', 'Harbour NHS FT', 'MATCHED', ?)", round, group, person, at);
        }
        long member = db.queryForObject("select id from pairing_member where round_id = ? and participant_id = ?",
                Long.class, round, first);
        db.update("insert into pairing_follow_up (member_id, group_id, participant_id, status, due_at, snoozes, met, "
                + "usefulness, one_thing, answered_at) values (?, ?, ?, 'ANSWERED', ?, 0, 'YES', 4, ?, ?)",
                member, group, first, at, oneThing, at);
        db.update("insert into pairing_opt_out (programme_id, participant_id, created_at) values (?, ?, ?)",
                programme, second, at);
        db.update("insert into forbidden_pair (programme_id, low_id, high_id, created_at) values (?, ?, ?, ?)",
                programme, Math.min(first, second), Math.max(first, second), at);
    }

    /** A scheduled check-in of the programme, answered, as the planner and the tick leave them. */
    private void seedOccurrence(long programme, long person) {
        var at = java.sql.Timestamp.from(CLOCK.instant());
        db.update("insert into checkin_schedule (programme_id, every_weeks, weekdays, local_time, open_hours, "
                + "remind_after_hours, anchor_date, active, created_at) values (?, 1, 'MONDAY', '09:00', 48, 24, ?, "
                + "true, ?)", programme, java.sql.Date.valueOf("2026-11-02"), at);
        long schedule = db.queryForObject("select max(id) from checkin_schedule where programme_id = ?", Long.class,
                programme);
        db.update("insert into checkin_occurrence (occurrence_key, participant_id, schedule_id, programme_id, "
                + "nominal_at, send_at, closes_at, status, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'ANSWERED', ?)",
                "retention-" + programme + "-" + person, person, schedule, programme, at, at, at, at);
    }

    private int count(String sql, Object... args) {
        Integer n = db.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static ConnectorStub connector() {
        try {
            return new ConnectorStub();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
