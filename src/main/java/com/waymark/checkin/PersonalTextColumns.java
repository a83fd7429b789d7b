package com.waymark.checkin;

import java.util.List;

import com.waymark.privacy.EncryptColumnsMigration;
import com.waymark.privacy.EncryptedColumn;
import com.waymark.privacy.EncryptedColumns;
import com.waymark.privacy.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * The columns this module stores encrypted, for the registry that key rotation and the start-up key check read
 * ({@code privacy.KeyRotation}), and the one-off encryption of rows written before encryption existed (V32).
 */
@Component
class PersonalTextColumns implements EncryptedColumns {

    static final EncryptedColumn REFLECTION = EncryptedColumn.text("check_in", "reflection");
    static final EncryptedColumn ACTION_TEXT = EncryptedColumn.text("action_item", "text");
    static final EncryptedColumn ACTION_BLOCKER = EncryptedColumn.text("action_item", "blocker");

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(REFLECTION, ACTION_TEXT, ACTION_BLOCKER);
    }

    /**
     * Flyway V32: everything stored before V31 is plaintext; encrypt it all. The blocker column came later (V42),
     * encrypted from the start.
     */
    @Component
    static class V32__EncryptExistingText extends EncryptColumnsMigration {

        V32__EncryptExistingText(FieldCipher cipher) {
            super(cipher, List.of(REFLECTION, ACTION_TEXT));
        }
    }
}
