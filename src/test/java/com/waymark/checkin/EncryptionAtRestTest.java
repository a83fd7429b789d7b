package com.waymark.checkin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.waymark.privacy.EncryptionProperties;
import com.waymark.privacy.FieldCipher;
import com.waymark.privacy.KeyRotation;
import com.waymark.support.Chat;
import com.waymark.support.SecuredIntegrationTest;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reflections and action texts are ciphertext in the database and plaintext in the application; rows written
 * before encryption are encrypted by migration V32; a rotation re-encrypts under the new key.
 */
class EncryptionAtRestTest extends SecuredIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    FieldCipher cipher;

    @Test
    void theDatabaseHoldsCiphertextAndTheAppReadsPlaintext() {
        TeamsClient teams = authorized(port);
        CLOCK.advance(java.time.Duration.ofMinutes(2)); // a full message budget (this context allows a few a minute)
        User user = User.fresh("Ade Bankole");
        Chat.Person person = new Chat(teams, db).as(user).agree();
        String reflection = "The estates conversation went better than I feared; €4m is still €4m.";
        String worst = "€".repeat(4000);
        assertThat(person.click(Chat.action("checkin").put("wellbeing", "4").put("energy", "3")
                .put("reflection", reflection)).get(0).toString()).contains("Saved");
        assertThat(person.click(Chat.action("checkin").put("wellbeing", "3").put("energy", "3")
                .put("reflection", worst)).get(0).toString()).contains("Saved");
        person.say("add action Walk the floor with the night team");

        List<String> stored = db.queryForList("select c.reflection from check_in c join participant p "
                + "on p.id = c.participant_id where p.aad_object_id = ? order by c.id", String.class, user.aadObjectId());
        assertThat(stored).hasSize(2).allSatisfy(value -> assertThat(value).startsWith("v1:")
                .doesNotContain("estates").doesNotContain("€"));
        assertThat(stored.get(1).length()).isLessThanOrEqualTo(16384);
        String action = db.queryForObject("select a.text from action_item a join participant p on p.id = a.participant_id "
                + "where p.aad_object_id = ?", String.class, user.aadObjectId());
        assertThat(action).startsWith("v1:").doesNotContain("night");

        // The application reads what was written: the action list, and the export of everything.
        CLOCK.advance(java.time.Duration.ofMinutes(2));
        assertThat(teams.expectReplies(teams.message(user, "my actions")).replies().get(0).toString())
                .contains("Walk the floor with the night team");
        String export = teams.expectReplies(teams.message(user, "my data")).replies().get(1).toString();
        assertThat(export).contains(reflection).contains(worst);

        // Someone holding the database but another key reads nothing, and is told why.
        FieldCipher wrong = new FieldCipher("v1", Map.of("v1", "another key, thirty-two bytes!!!".getBytes(
                StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> wrong.decrypt(stored.get(0))).isInstanceOf(FieldCipher.UnreadableValue.class)
                .hasMessageContaining("not the one it was written with");
        assertThat(cipher.decrypt(stored.get(0))).isEqualTo(reflection);
    }

    @Test
    void migrationV32EncryptsWhatWasStoredBeforeAndARotationReencryptsIt() throws Exception {
        String url = "jdbc:h2:file:" + Files.createTempDirectory("waymark-v32-").resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("31").load().migrate();
        JdbcTemplate old = new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));
        old.update("insert into participant (tenant_id, identity_key, teams_user_id, time_zone, created_at, updated_at) "
                + "values ('t', 'k', 'u', 'UTC', current_timestamp, current_timestamp)");
        long person = old.queryForObject("select id from participant", Long.class);
        old.update("insert into check_in (participant_id, wellbeing, energy, reflection, source, submitted_at) "
                + "values (?, 3, 3, 'Written before encryption', 'TEXT', current_timestamp)", person);
        old.update("insert into check_in (participant_id, wellbeing, energy, reflection, source, submitted_at) "
                + "values (?, 3, 3, null, 'TEXT', current_timestamp)", person);
        old.update("insert into action_item (participant_id, number, text, status, created_at) "
                + "values (?, 1, 'An old action', 'OPEN', current_timestamp)", person);

        FieldCipher v1 = new FieldCipher("v1", Map.of("v1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(new PersonalTextColumns.V32__EncryptExistingText(v1)).load().migrate();
        List<String> reflections = old.queryForList("select reflection from check_in order by id", String.class);
        assertThat(reflections.get(0)).startsWith("v1:");
        assertThat(v1.decrypt(reflections.get(0))).isEqualTo("Written before encryption");
        assertThat(reflections.get(1)).isNull();
        assertThat(v1.decrypt(old.queryForObject("select text from action_item", String.class))).isEqualTo("An old action");

        // Started with the wrong key, the application refuses, naming the column and the key id.
        FieldCipher wrong = new FieldCipher("v1", Map.of("v1", "fedcba9876543210fedcba9876543210".getBytes(
                StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> rotation(wrong, old).checkKeyOpensStoredValues())
                .hasMessageContaining("cannot read what is stored in action_item.text")
                .hasMessageContaining("key 'v1'").hasMessageNotContaining("Written before");
        rotation(v1, old).checkKeyOpensStoredValues();

        // Rotation: v2 becomes current, v1 stays readable until everything is rewritten.
        FieldCipher v2 = new FieldCipher("v2", Map.of("v1", "0123456789abcdef0123456789abcdef".getBytes(
                StandardCharsets.US_ASCII), "v2", "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII)));
        KeyRotation columns = rotation(v2, old);
        assertThat(columns.reencrypt()).isEqualTo(2);
        assertThat(columns.reencrypt()).as("nothing left under the old key").isZero();
        assertThat(old.queryForList("select reflection from check_in where reflection is not null union all "
                + "select text from action_item", String.class)).allSatisfy(value -> assertThat(value).startsWith("v2:"));
        FieldCipher v2only = new FieldCipher("v2", Map.of("v2", "fedcba9876543210fedcba9876543210".getBytes(
                StandardCharsets.US_ASCII)));
        assertThat(v2only.decrypt(old.queryForObject("select text from action_item", String.class))).isEqualTo("An old action");
    }

    private static KeyRotation rotation(FieldCipher cipher, JdbcTemplate db) {
        return new KeyRotation(cipher, db, List.of(new PersonalTextColumns()),
                new EncryptionProperties(null, null, null, null, false));
    }
}
