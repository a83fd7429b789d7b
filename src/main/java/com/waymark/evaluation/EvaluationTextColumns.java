package com.waymark.evaluation;

import java.util.List;

import com.waymark.privacy.EncryptedColumn;
import com.waymark.privacy.EncryptedColumns;
import org.springframework.stereotype.Component;

/** What people write in their evaluation is ciphertext at rest, and key rotation re-encrypts it. */
@Component
class EvaluationTextColumns implements EncryptedColumns {

    static final EncryptedColumn MOST_USEFUL = EncryptedColumn.text("evaluation_response", "most_useful");
    static final EncryptedColumn WOULD_CHANGE = EncryptedColumn.text("evaluation_response", "would_change");

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(MOST_USEFUL, WOULD_CHANGE);
    }
}
