package com.waymark.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.WaymarkApplication;
import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key rotation of docs/security.md ("To rotate the key"), step by step on one file database, with a value in every
 * registered encrypted column: after step 4 nothing is left under the old key, and everything that reads those
 * columns (`my actions`, `my data`, theme reports, `delete my data`) works. Skipping step 3 is refused at start.
 */
class KeyRotationStepsTest {

    private static final String OLD = key("the old key, thirty-two bytes!!!");
    private static final String NEW = key("the new key, thirty-two bytes!!!");

    @Test
    void theDocumentedStepsLeaveEveryEncryptedColumnUnderTheNewKeyAndEveryReadWorking() throws Exception {
        Path dataDir = Files.createTempDirectory("waymark-rotation-");
        User person = User.fresh("Kemi Adeyemi-Rotation");
        User coach = User.fresh("Rhys Coach-Rotation");
        List<EncryptedColumn> columns;

        // Before: everything written under v1, one value in each encrypted column.
        try (ConfigurableApplicationContext v1 = start(dataDir, "--waymark.encryption.key=" + OLD)) {
            Chat chat = new Chat(client(v1), null);
            chat.person(person).agree();
            chat.as(person).say("3 4 The estates review went better than I feared");
            chat.as(person).say("add action Walk the floor with the night team");
            chat.as(person).say("stuck 1 waiting for sign-off from finance");
            chat.coach(coach).agree().creates("Rotation cohort");
            // The coach's question for the cohort, and a session whose end the coaching cycle records.
            assertThat(chat.as(coach).say("ask everyone What is one thing you would keep from this month?").toString())
                    .doesNotContain("Sorry");
            assertThat(chat.as(coach).say("next session " + java.time.LocalDate.now().plusDays(10) + " 09:30 for 2h").toString())
                    .doesNotContain("Sorry");
            assertThat(chat.as(coach).say("not about Workload and capacity: We celebrated the porters with lunch.").toString())
                    .contains("count less");
            JdbcTemplate db = v1.getBean(JdbcTemplate.class);
            FieldCipher cipher = v1.getBean(FieldCipher.class);
            seedFollowUpAndEmbedding(db, cipher, person);
            columns = v1.getBean(KeyRotation.class).columns();
            for (EncryptedColumn column : columns) {
                assertThat(stored(db, column)).as(column.qualified() + " holds a value for the rotation to rewrite")
                        .isNotEmpty().allSatisfy(value -> assertThat(value).startsWith("v1:"));
            }
        }

        // Skipping step 3 (the old key removed with values still under it) is refused at start, naming a column.
        assertThatThrownBy(() -> startWithoutWeb(dataDir, "--waymark.encryption.key=" + NEW,
                "--waymark.encryption.key-id=v2").close())
                .hasStackTraceContaining("cannot read what is stored in")
                .hasStackTraceContaining("'v1', which is not configured");

        // Steps 2 and 3: the new key current, the old one readable, one start with re-encryption.
        try (ConfigurableApplicationContext reencrypting = startWithoutWeb(dataDir, "--waymark.encryption.key=" + NEW,
                "--waymark.encryption.key-id=v2", "--waymark.encryption.previous-keys=v1=" + OLD,
                "--waymark.encryption.reencrypt=true")) {
            JdbcTemplate db = reencrypting.getBean(JdbcTemplate.class);
            for (EncryptedColumn column : columns) {
                assertThat(stored(db, column)).as(column.qualified()).isNotEmpty()
                        .allSatisfy(value -> assertThat(value).startsWith("v2:"));
            }
        }

        // Step 4: the old key gone. Everything reads, then erasure takes it all.
        try (ConfigurableApplicationContext v2 = start(dataDir, "--waymark.encryption.key=" + NEW,
                "--waymark.encryption.key-id=v2")) {
            Chat chat = new Chat(client(v2), null);
            assertThat(chat.as(person).say("my actions").toString()).contains("Walk the floor with the night team")
                    .contains("waiting for sign-off from finance");
            String export = chat.as(person).say("my data").toString();
            assertThat(export).contains("The estates review went better than I feared")
                    .contains("waiting for sign-off from finance").contains("Ask my deputy first");
            assertThat(chat.as(coach).say("themes").toString()).contains("Themes").doesNotContain("something went wrong");
            assertThat(chat.as(coach).say("more like Workload and capacity: Rotas again.").toString())
                    .as("theme feedback, read back with the stored example").contains("count towards");
            List<JsonNode> confirm = chat.as(person).say("delete my data");
            JsonNode button = confirm.get(0).path("attachments").path(0).path("content").path("actions").path(0).path("data");
            assertThat(button.path("action").asText()).isEqualTo("confirmErase");
            assertThat(chat.as(person).click(button.deepCopy()).get(0).path("text")
                    .asText()).startsWith("Done. I've erased everything");
            JdbcTemplate db = v2.getBean(JdbcTemplate.class);
            for (EncryptedColumn column : columns) {
                // A programme's, not the person's, so they stay: its theme feedback, the clustering seeded for the
                // coach's programme, which this person never wrote in (ThemeResultsTest covers erasure of theirs), and
                // the coach's question for the cohort (CohortQuestionTest covers its author's erasure).
                if (!List.of("theme_feedback", "theme_result", "cohort_question").contains(column.table())) {
                    assertThat(stored(db, column)).as(column.qualified() + " after erasure").isEmpty();
                }
            }
        }
    }

    /** A follow-up answered with a note, and the reflection's embedding, as the pairing and insight modules store them. */
    private static void seedFollowUpAndEmbedding(JdbcTemplate db, FieldCipher cipher, User person) {
        long personId = db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                person.aadObjectId());
        long programme = db.queryForObject("select max(id) from programme", Long.class);
        Instant now = Instant.now();
        db.update("insert into pairing_plan (programme_id, every_weeks, weekday, local_time, mode, seed, total_rounds, "
                + "follow_up_days, first_round_on, active, created_at) values (?, 2, 'MONDAY', '09:00', 'CROSS_ROLE', 1, 6, "
                + "7, current_date, true, ?)", programme, now);
        long plan = db.queryForObject("select max(id) from pairing_plan", Long.class);
        db.update("insert into pairing_round (plan_id, programme_id, round_index, mode, run_at, follow_up_at) "
                + "values (?, ?, 0, 'CROSS_ROLE', ?, ?)", plan, programme, now, now);
        long round = db.queryForObject("select max(id) from pairing_round", Long.class);
        db.update("insert into pairing_group (round_id, matches_mode, repeat_pairs, created_at) values (?, true, 0, ?)",
                round, now);
        long group = db.queryForObject("select max(id) from pairing_group", Long.class);
        db.update("insert into pairing_member (round_id, group_id, participant_id, status, updated_at) "
                + "values (?, ?, ?, 'PAIRED', ?)", round, group, personId, now);
        long member = db.queryForObject("select max(id) from pairing_member", Long.class);
        db.update("insert into pairing_follow_up (member_id, group_id, participant_id, status, due_at, snoozes, met, "
                + "usefulness, one_thing, answered_at) values (?, ?, ?, 'ANSWERED', ?, 0, 'YES', 4, ?, ?)",
                member, group, personId, now, cipher.encrypt("Ask my deputy first"), now);
        long checkIn = db.queryForObject("select max(id) from check_in where participant_id = ?", Long.class, personId);
        db.update("delete from reflection_embedding where check_in_id = ?", checkIn);
        db.update("insert into reflection_embedding (check_in_id, model, dimensions, vector, created_at) "
                + "values (?, 'test', 2, ?, ?)", checkIn, cipher.seal(new byte[8]), now);
        // The newer features' free text: a word after a session, a diagnostic answer, an evaluation's open answers.
        long session = db.queryForObject("select max(session_id) from cycle_session", Long.class);
        db.update("insert into cycle_answer (session_id, programme_id, participant_id, answered_at, nothing_this_time, "
                + "word) values (?, ?, ?, ?, false, ?)", session, programme, personId, now, cipher.encrypt("Braver"));
        db.update("insert into diagnostic (participant_id, programme_id, position, after_first_session, started_at) "
                + "values (?, ?, 1, false, ?)", personId, programme, now);
        long diagnostic = db.queryForObject("select max(id) from diagnostic", Long.class);
        db.update("insert into diagnostic_answer (diagnostic_id, question_id, answer, quote_ok, answered_at) "
                + "values (?, 'working', ?, false, ?)", diagnostic, cipher.encrypt("The board trusts us"), now);
        db.update("insert into evaluation_round (programme_id, sent_at, automatic) values (?, ?, false)", programme, now);
        long evaluation = db.queryForObject("select max(id) from evaluation_round", Long.class);
        db.update("insert into evaluation_response (round_id, programme_id, participant_id, recommend, most_useful, "
                + "would_change, quote_ok, answered_at) values (?, ?, ?, 9, ?, ?, false, ?)", evaluation, programme, personId,
                cipher.encrypt("The pairs"), cipher.encrypt("More time together"), now);
        // A stored theme clustering (insight's ThemeResults): its labels are words from reflections, sealed.
        db.update("insert into theme_result (programme_id, fingerprint, reflections, themes, computed_at) "
                + "values (?, 'rotation-test', 1, ?, ?)", programme, cipher.seal("[]".getBytes(StandardCharsets.UTF_8)),
                java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
    }

    /** Every stored value of a column, binary ones read as their ASCII key-id prefix and the rest. */
    private static List<String> stored(JdbcTemplate db, EncryptedColumn column) {
        List<String> values = new ArrayList<>();
        db.query("select " + column.column() + " from " + column.table() + " where " + column.column() + " is not null",
                row -> {
                    values.add(column.form() == EncryptedColumn.Form.TEXT ? row.getString(1)
                            : new String(row.getBytes(1), StandardCharsets.ISO_8859_1));
                });
        return values;
    }

    private static String key(String thirtyTwoBytes) {
        assertThat(thirtyTwoBytes).hasSize(32);
        return Base64.getEncoder().encodeToString(thirtyTwoBytes.getBytes(StandardCharsets.US_ASCII));
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... keys) {
        return new SpringApplicationBuilder(WaymarkApplication.class).run(arguments(dataDir, keys));
    }

    /**
     * For the steps nobody talks to the bot in: the key check and the re-encryption run when the application is
     * ready, with or without its web servers, so these starts skip both (as the jar's benchmarks do).
     */
    private static ConfigurableApplicationContext startWithoutWeb(Path dataDir, String... keys) {
        return new SpringApplicationBuilder(WaymarkApplication.class).web(WebApplicationType.NONE)
                .run(arguments(dataDir, keys));
    }

    private static String[] arguments(Path dataDir, String... keys) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--waymark.data-dir=" + dataDir,
                "--spring.quartz.scheduler-name=rotation-" + UUID.randomUUID(), "--waymark.bot.messages-per-minute=0"));
        args.addAll(List.of(keys));
        return args.toArray(String[]::new);
    }

    private static TeamsClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TeamsClient(port, "http://127.0.0.1:9/");
    }

}
