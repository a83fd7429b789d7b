package com.waymark.diagnostic;

import java.util.List;

import com.waymark.privacy.EncryptedColumn;
import com.waymark.privacy.EncryptedColumns;
import org.springframework.stereotype.Component;

/** What this module stores encrypted: each answer's text, for key rotation and the start-up key check. */
@Component
class DiagnosticColumns implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(EncryptedColumn.text("diagnostic_answer", "answer"));
    }
}
