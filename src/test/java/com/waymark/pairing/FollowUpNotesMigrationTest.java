package com.waymark.pairing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.waymark.privacy.FieldCipher;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration V60 encrypts the follow-up notes stored in plain text before it, as V32 did for reflections. */
class FollowUpNotesMigrationTest {

    @Test
    void notesWrittenBeforeV60AreEncryptedAndStillReadTheSame() throws Exception {
        FieldCipher cipher = new FieldCipher("v1", Map.of("v1", "0123456789abcdef0123456789abcdef".getBytes(
                StandardCharsets.US_ASCII)));
        String url = "jdbc:h2:file:" + Files.createTempDirectory("waymark-v60-").resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        migrate(url, "59", cipher);
        JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));
        db.update("insert into participant (tenant_id, identity_key, teams_user_id, time_zone, created_at, updated_at) "
                + "values ('t', 'k', 'u', 'UTC', current_timestamp, current_timestamp)");
        db.update("insert into programme (tenant_id, name, time_zone, confidentiality_threshold, retention_days, join_code, "
                + "created_at) values ('t', 'P', 'UTC', 5, 365, 'CODE1', current_timestamp)");
        db.update("insert into pairing_plan (programme_id, every_weeks, weekday, local_time, mode, seed, total_rounds, "
                + "follow_up_days, first_round_on, active, created_at) values (1, 2, 'MONDAY', '09:00', 'CROSS_ROLE', 1, "
                + "6, 7, current_date, true, current_timestamp)");
        db.update("insert into pairing_round (plan_id, programme_id, round_index, mode, run_at, follow_up_at) "
                + "values (1, 1, 0, 'CROSS_ROLE', current_timestamp, current_timestamp)");
        db.update("insert into pairing_group (round_id, matches_mode, repeat_pairs, created_at) "
                + "values (1, true, 0, current_timestamp)");
        db.update("insert into pairing_member (round_id, group_id, participant_id, status, updated_at) "
                + "values (1, 1, 1, 'PAIRED', current_timestamp)");
        db.update("insert into pairing_follow_up (member_id, group_id, participant_id, status, due_at, snoozes, met, "
                + "usefulness, one_thing, answered_at) values (1, 1, 1, 'ANSWERED', current_timestamp, 0, 'YES', 4, "
                + "'Ask before I advise: 500 characters of €', current_timestamp)");
        db.update("insert into participant (tenant_id, identity_key, teams_user_id, time_zone, created_at, updated_at) "
                + "values ('t', 'k2', 'u2', 'UTC', current_timestamp, current_timestamp)");
        db.update("insert into pairing_member (round_id, group_id, participant_id, status, updated_at) "
                + "values (1, 1, 2, 'PAIRED', current_timestamp)");
        db.update("insert into pairing_follow_up (member_id, group_id, participant_id, status, due_at, snoozes) "
                + "values (2, 1, 2, 'PLANNED', current_timestamp, 0)");

        migrate(url, "latest", cipher);
        List<String> notes = db.queryForList("select one_thing from pairing_follow_up order by id", String.class);
        assertThat(notes.get(0)).startsWith("v1:").doesNotContain("advise");
        assertThat(cipher.decrypt(notes.get(0))).isEqualTo("Ask before I advise: 500 characters of €");
        assertThat(notes.get(1)).as("an unanswered follow-up stays without a note").isNull();
        // The widest note (500 characters of a three-byte character) fits once encrypted.
        db.update("update pairing_follow_up set one_thing = ? where id = 1", cipher.encrypt("€".repeat(500)));
    }

    private static void migrate(String url, String target, FieldCipher cipher) {
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(v32(cipher), new FollowUpNotes.V60__EncryptFollowUpNotes(cipher)).target(target)
                .load().migrate();
    }

    /** V32 is the check-in module's; reached by reflection, as Spring hands it to Flyway in the application. */
    private static JavaMigration v32(FieldCipher cipher) {
        try {
            var type = Class.forName("com.waymark.checkin.PersonalTextColumns$V32__EncryptExistingText");
            var constructor = type.getDeclaredConstructor(FieldCipher.class);
            constructor.setAccessible(true);
            return (JavaMigration) constructor.newInstance(cipher);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
