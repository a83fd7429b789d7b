package com.waymark.pairing;

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
 * The follow-up's "one thing you will do differently", stored encrypted ({@link PairingFollowUp#getOneThing()}): its
 * place in the registry of encrypted columns, and the one-off encryption of the notes written before (V60).
 */
@Component
class FollowUpNotes implements EncryptedColumns {

    private static final Logger log = LoggerFactory.getLogger(FollowUpNotes.class);
    static final EncryptedColumn ONE_THING = EncryptedColumn.text("pairing_follow_up", "one_thing");

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(ONE_THING);
    }

    /** Flyway V60: every note stored until now is plaintext; encrypt them in the migration's transaction. */
    @Component
    static class V60__EncryptFollowUpNotes extends BaseJavaMigration {

        private final FieldCipher cipher;

        V60__EncryptFollowUpNotes(FieldCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public void migrate(Context context) throws Exception {
            int total = EncryptedTextRewrite.rewrite(context.getConnection(), ONE_THING, cipher::encrypt);
            if (total > 0) {
                log.info("Encrypted {} stored follow-up notes under key '{}'", total, cipher.currentKeyId());
            }
        }
    }
}
