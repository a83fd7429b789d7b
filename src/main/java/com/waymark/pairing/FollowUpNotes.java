package com.waymark.pairing;

import java.util.List;

import com.waymark.privacy.EncryptColumnsMigration;
import com.waymark.privacy.EncryptedColumn;
import com.waymark.privacy.EncryptedColumns;
import com.waymark.privacy.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * The follow-up's "one thing you will do differently", stored encrypted ({@link PairingFollowUp#getOneThing()}): its
 * place in the registry of encrypted columns, and the one-off encryption of the notes written before (V60).
 */
@Component
class FollowUpNotes implements EncryptedColumns {

    static final EncryptedColumn ONE_THING = EncryptedColumn.text("pairing_follow_up", "one_thing");

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(ONE_THING);
    }

    /** Flyway V60: every note stored until now is plaintext; encrypt them. */
    @Component
    static class V60__EncryptFollowUpNotes extends EncryptColumnsMigration {

        V60__EncryptFollowUpNotes(FieldCipher cipher) {
            super(cipher, List.of(ONE_THING));
        }
    }
}
