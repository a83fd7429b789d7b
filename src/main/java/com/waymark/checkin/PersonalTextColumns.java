package com.waymark.checkin;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.waymark.privacy.FieldCipher;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The columns this module stores encrypted ({@code check_in.reflection}, {@code action_item.text}) and the two
 * bulk rewrites of them: the one-off encryption of rows written before encryption existed (Flyway migration V32),
 * and re-encryption under the current key after a rotation ({@code waymark.encryption.reencrypt=true}).
 */
@Component
class PersonalTextColumns {

    private static final Logger log = LoggerFactory.getLogger(PersonalTextColumns.class);
    /** table, column: every column holding someone's own words. */
    static final List<String[]> COLUMNS = List.of(new String[] {"check_in", "reflection"},
            new String[] {"action_item", "text"});

    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final boolean reencryptOnStart;

    PersonalTextColumns(FieldCipher cipher, JdbcTemplate jdbc,
                        @Value("${waymark.encryption.reencrypt:false}") boolean reencryptOnStart) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.reencryptOnStart = reencryptOnStart;
    }

    /** Rewrites every value not under the current key; returns how many. Safe to run again, or interrupted. */
    int reencrypt() {
        int total = 0;
        for (String[] column : COLUMNS) {
            total += jdbc.execute((ConnectionCallback<Integer>) c -> rewrite(c, column[0], column[1],
                    stored -> cipher.isCurrent(stored) ? stored : cipher.encrypt(cipher.decrypt(stored))));
        }
        return total;
    }

    /**
     * At start: one stored value of each column must open with the configured keys. A wrong key would otherwise
     * surface as failed turns one by one (their logs withhold exception messages), while new values were written
     * under it; refusing to start says why at once.
     */
    void checkKeyOpensStoredValues() {
        for (String[] column : COLUMNS) {
            List<String> sample = jdbc.queryForList("select " + column[1] + " from " + column[0] + " where " + column[1]
                    + " is not null order by id desc fetch first 1 rows only", String.class);
            for (String stored : sample) {
                try {
                    cipher.decrypt(stored);
                } catch (FieldCipher.UnreadableValue e) {
                    throw new IllegalStateException("The configured encryption key cannot read what is stored in "
                            + column[0] + "." + column[1] + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        checkKeyOpensStoredValues();
        if (reencryptOnStart) {
            int rewritten = reencrypt();
            log.warn("Re-encrypted {} stored values under key '{}'. Once every instance runs with this key, the previous "
                    + "keys can be removed from waymark.encryption.previous-keys and waymark.encryption.reencrypt "
                    + "turned off.", rewritten, cipher.currentKeyId());
        }
    }

    /** Applies {@code transform} to each non-null value of one column, in batches, where it changes the value. */
    static int rewrite(java.sql.Connection connection, String table, String column, UnaryOperator<String> transform)
            throws SQLException {
        int rewritten = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id, " + column + " from " + table
                    + " where id > ? and " + column + " is not null order by id fetch first 500 rows only")) {
                select.setLong(1, after);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        batch.add(new Object[] {rows.getLong(1), rows.getString(2)});
                    }
                }
            }
            if (batch.isEmpty()) {
                return rewritten;
            }
            try (PreparedStatement update = connection.prepareStatement("update " + table + " set " + column
                    + " = ? where id = ?")) {
                for (Object[] row : batch) {
                    String stored = (String) row[1];
                    String next = transform.apply(stored);
                    if (!next.equals(stored)) {
                        update.setString(1, next);
                        update.setLong(2, (Long) row[0]);
                        update.addBatch();
                        rewritten++;
                    }
                }
                update.executeBatch();
            }
            after = (Long) batch.get(batch.size() - 1)[0];
        }
    }

    /**
     * Flyway V32: everything stored before V31 is plaintext; encrypt it all, in the migration's transaction. A
     * Spring bean (Spring Boot hands JavaMigration beans to Flyway), so it gets the configured key.
     */
    @Component
    static class V32__EncryptExistingText extends BaseJavaMigration {

        private final FieldCipher cipher;

        V32__EncryptExistingText(FieldCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public void migrate(Context context) throws Exception {
            int total = 0;
            for (String[] column : COLUMNS) {
                total += rewrite(context.getConnection(), column[0], column[1], cipher::encrypt);
            }
            if (total > 0) {
                log.info("Encrypted {} stored reflections and actions under key '{}'", total, cipher.currentKeyId());
            }
        }
    }

}
