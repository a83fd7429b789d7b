package com.waymark.insight;

import java.util.List;

import com.waymark.privacy.EncryptedColumn;
import com.waymark.privacy.EncryptedColumns;
import org.springframework.stereotype.Component;

/**
 * What this module stores encrypted: a theme feedback's example (it may be an opted-in quote), the sealed
 * sentence embedding of each reflection and the sealed themes clustered ahead (their labels are words from
 * reflections); the last two are computed again when no configured key opens them.
 */
@Component
class InsightEncryptedColumns implements EncryptedColumns {

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(EncryptedColumn.text("theme_feedback", "example"),
                EncryptedColumn.derivedBytes("reflection_embedding", "vector", "check_in_id"),
                EncryptedColumn.derivedBytes("theme_result", "themes", "id"));
    }
}
