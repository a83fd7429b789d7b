package com.waymark.checkin;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.waymark.privacy.FieldCipher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reflections of given check-ins, decrypted, for what is derived from them elsewhere (the insight module's
 * sentence embeddings). Plain JDBC rather than the entity: it runs on background threads next to every check-in,
 * and must neither load whole entities nor open a JPA transaction of its own (the per-turn work is counted).
 */
@Component
public class ReflectionTexts {

    /** Large IN lists are split: PostgreSQL takes at most 32,767 parameters in one statement. */
    private static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final FieldCipher cipher;

    ReflectionTexts(NamedParameterJdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Each check-in's reflection by id; check-ins without one (blank, or gone) are left out. */
    public Map<Long, String> byCheckIn(Collection<Long> checkInIds) {
        List<Long> ids = checkInIds.stream().distinct().toList();
        Map<Long, String> texts = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.query("select id, reflection from check_in where id in (:ids) and reflection is not null",
                    Map.of("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))), row -> {
                        String text = cipher.decrypt(row.getString(2));
                        if (text != null && !text.isBlank()) {
                            texts.put(row.getLong(1), text);
                        }
                    });
        }
        return texts;
    }
}
