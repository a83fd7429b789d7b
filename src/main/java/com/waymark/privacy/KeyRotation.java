package com.waymark.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every encrypted column, as the modules declare them ({@link EncryptedColumns}), and what a key rotation needs of
 * them: at start, a check that the configured keys open what is stored; with {@code waymark.encryption.reencrypt},
 * the rewrite of every value not under the current key.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 500;

    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final List<EncryptedColumn> columns;
    private final boolean reencryptOnStart;

    public KeyRotation(FieldCipher cipher, JdbcTemplate jdbc, List<EncryptedColumns> modules,
                       EncryptionProperties properties) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        List<EncryptedColumn> all = new ArrayList<>();
        modules.forEach(module -> all.addAll(module.encryptedColumns()));
        all.sort(Comparator.comparing(EncryptedColumn::qualified));
        this.columns = List.copyOf(all);
        this.reencryptOnStart = properties.reencrypt();
    }

    /** The registry: every column stored encrypted, in name order. */
    public List<EncryptedColumn> columns() {
        return columns;
    }

    /**
     * One stored value at each end of every column of someone's words must open with the configured keys. A wrong key
     * would otherwise surface as failed turns one by one (their logs withhold exception messages) while new values
     * were written under it; the oldest value also catches a previous key removed before everything was re-encrypted.
     */
    public void checkKeyOpensStoredValues() {
        for (EncryptedColumn column : columns) {
            if (column.form() != EncryptedColumn.Form.TEXT) {
                continue; // derived values no key opens are computed again
            }
            for (String order : List.of("desc", "asc")) {
                for (String stored : jdbc.queryForList("select " + column.column() + " from " + column.table()
                        + " where " + column.column() + " is not null order by " + column.key() + " " + order
                        + " fetch first 1 rows only", String.class)) {
                    try {
                        cipher.decrypt(stored);
                    } catch (FieldCipher.UnreadableValue e) {
                        throw new EncryptionKeyException("The configured encryption key cannot read what is stored "
                                + "in " + column.qualified() + ": " + e.getMessage(), "Start with the key this "
                                + "database was written with (in local mode, the encryption.key file in its data "
                                + "folder). After a rotation, keep the old key in WAYMARK_ENCRYPTION_PREVIOUS_KEYS until "
                                + "everything is re-encrypted (docs/security.md).", e);
                    }
                }
            }
        }
    }

    /** Rewrites every value not under the current key, column by column; returns how many. Safe to repeat or stop. */
    public int reencrypt() {
        int total = 0;
        for (EncryptedColumn column : columns) {
            int rewritten = column.form() == EncryptedColumn.Form.TEXT
                    ? jdbc.execute((ConnectionCallback<Integer>) c -> EncryptedTextRewrite.rewrite(c, column,
                            stored -> cipher.isCurrent(stored) ? stored : cipher.encrypt(cipher.decrypt(stored))))
                    : resealDerived(column);
            log.info("Re-encryption: {} values of {} rewritten under key '{}'", rewritten, column.qualified(),
                    cipher.currentKeyId());
            total += rewritten;
        }
        return total;
    }

    /** Binary derived values: re-sealed, or, when no configured key opens one, deleted with its row (recomputed). */
    private int resealDerived(EncryptedColumn column) {
        int total = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            jdbc.query("select " + column.key() + ", " + column.column() + " from " + column.table() + " where "
                    + column.key() + " > ? and " + column.column() + " is not null order by " + column.key()
                    + " fetch first " + BATCH + " rows only",
                    row -> {
                        batch.add(new Object[] {row.getLong(1), row.getBytes(2)});
                    }, after);
            if (batch.isEmpty()) {
                return total;
            }
            for (Object[] row : batch) {
                byte[] stored = (byte[]) row[1];
                if (cipher.isCurrent(stored)) {
                    continue;
                }
                try {
                    total += jdbc.update("update " + column.table() + " set " + column.column() + " = ? where "
                            + column.key() + " = ? and " + column.column() + " = ?", cipher.seal(cipher.open(stored)),
                            row[0], stored);
                } catch (FieldCipher.UnreadableValue e) {
                    jdbc.update("delete from " + column.table() + " where " + column.key() + " = ?", row[0]);
                }
            }
            after = (Long) batch.get(batch.size() - 1)[0];
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        checkKeyOpensStoredValues();
        if (reencryptOnStart) {
            int rewritten = reencrypt();
            log.warn("Re-encrypted {} stored values in {} columns under key '{}'. Once every instance runs with this "
                    + "key, the previous keys can be removed from waymark.encryption.previous-keys and "
                    + "waymark.encryption.reencrypt turned off.", rewritten, columns.size(), cipher.currentKeyId());
        }
    }
}
