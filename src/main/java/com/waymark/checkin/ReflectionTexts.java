package com.waymark.checkin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.waymark.privacy.FieldCipher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What is derived from reflections elsewhere (the insight module's sentence embeddings and stored themes) may know of
 * check-ins: their reflections, decrypted; which check-ins and programmes have reflections; and the lock on a
 * check-in's row that erasure takes too, so nothing derived outlives what it came from. Ids and text only, never the
 * entity. Plain JDBC: it runs on background threads next to every check-in, and must neither load whole entities nor
 * open a JPA transaction of its own (the per-turn work is counted). Methods that lock join the caller's transaction.
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

    /**
     * Ids of check-ins with a reflection below {@code beforeId}, newest first, at most {@code limit}: for walking
     * every reflection in pages (ids only, by the primary key).
     */
    public List<Long> idsWithReflection(long beforeId, int limit) {
        return jdbc.queryForList("select id from check_in where reflection is not null and id < :before "
                + "order by id desc fetch first " + Math.max(1, limit) + " rows only", Map.of("before", beforeId),
                Long.class);
    }

    /** The programmes with a reflection written at or after {@code since}. */
    public List<Long> programmesWithReflectionsSince(Instant since) {
        return jdbc.queryForList("select distinct programme_id from check_in where programme_id is not null "
                + "and reflection is not null and submitted_at >= :since",
                Map.of("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)), Long.class);
    }

    /** The programmes these check-ins count for, of those with a reflection. */
    public Set<Long> programmesOf(Collection<Long> checkInIds) {
        List<Long> ids = checkInIds.stream().distinct().toList();
        Set<Long> found = new HashSet<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            found.addAll(jdbc.queryForList("select distinct programme_id from check_in where programme_id is not null "
                    + "and reflection is not null and id in (:ids)",
                    Map.of("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))), Long.class));
        }
        return found;
    }

    /** The programmes this person wrote check-ins in, in id order (the order locks on them are taken in). */
    public List<Long> programmesWrittenIn(long participantId) {
        return jdbc.queryForList("select distinct programme_id from check_in where participant_id = :participant "
                + "and programme_id is not null order by programme_id", Map.of("participant", participantId),
                Long.class);
    }

    /**
     * Locks these check-ins' rows until the caller's transaction ends and returns how many are still there: one an
     * erasure or a retention sweep is deleting is waited for, then found gone. What is stored from them is stored under
     * this lock, so it is either stored before the erasure (and erased with it) or not at all.
     */
    public int lockPresent(Collection<Long> checkInIds) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Check-ins are locked inside a transaction: outside one the lock would be "
                    + "released at once and protect nothing");
        }
        List<Long> ids = checkInIds.stream().distinct().toList();
        int there = 0;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            there += jdbc.queryForList("select id from check_in where id in (:ids) for update",
                    Map.of("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))), Long.class).size();
        }
        return there;
    }
}
