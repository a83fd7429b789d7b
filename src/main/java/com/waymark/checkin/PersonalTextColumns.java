package com.waymark.checkin;

import java.util.List;

import com.waymark.privacy.EncryptedColumn;
import com.waymark.privacy.EncryptedColumns;
import com.waymark.privacy.EncryptedTextRewrite;
import com.waymark.privacy.FieldCipher;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The columns this module stores encrypted, for the registry that key rotation and the start-up key check read
 * ({@code privacy.KeyRotation}), and the one-off encryption of rows written before encryption existed (V32).
 */
@Component
class PersonalTextColumns implements EncryptedColumns {

    private static final Logger log = LoggerFactory.getLogger(PersonalTextColumns.class);
    static final EncryptedColumn REFLECTION = EncryptedColumn.text("check_in", "reflection");
    static final EncryptedColumn ACTION_TEXT = EncryptedColumn.text("action_item", "text");
    static final EncryptedColumn ACTION_BLOCKER = EncryptedColumn.text("action_item", "blocker");

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(REFLECTION, ACTION_TEXT, ACTION_BLOCKER);
    }

    /**
     * Flyway V32: everything stored before V31 is plaintext; encrypt it all, in the migration's transaction. A
     * Spring bean (Spring Boot hands JavaMigration beans to Flyway), so it gets the configured key. The blocker
     * column came later (V42), encrypted from the start.
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
            for (EncryptedColumn column : List.of(REFLECTION, ACTION_TEXT)) {
                total += EncryptedTextRewrite.rewrite(context.getConnection(), column, cipher::encrypt);
            }
            if (total > 0) {
                log.info("Encrypted {} stored reflections and actions under key '{}'", total, cipher.currentKeyId());
            }
        }
    }
}
