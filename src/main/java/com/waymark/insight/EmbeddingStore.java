package com.waymark.insight;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.waymark.privacy.FieldCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * The {@code reflection_embedding} table: one sealed vector per check-in with a reflection.
 * <p>
 * Every statement runs on a connection of its own, in auto-commit, never in a caller's transaction: a digest may
 * ask for vectors inside a read-only transaction (on PostgreSQL, writes there fail), and an embedding is derived
 * data that is right to keep whatever becomes of the caller's work. The wrapper around the data source is what
 * stops Spring from handing us the transaction's connection.
 */
@Component
class EmbeddingStore {

    private static final int CHUNK = 500;

    /** A vector as stored, or why it can't be used. */
    record Stored(float[] vector, boolean readable) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final VectorCipher vectors;
    private final Clock clock;

    EmbeddingStore(DataSource dataSource, FieldCipher cipher, Clock clock) {
        this.jdbc = new JdbcTemplate(new DelegatingDataSource(dataSource));
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.vectors = new VectorCipher(cipher);
        this.clock = clock;
    }

    /**
     * The vectors of these check-ins made by {@code model}; a vector that no configured key opens any more (its key
     * was retired) comes back unreadable, so that it is computed again.
     */
    Map<Long, Stored> find(Collection<Long> checkInIds, String model) {
        List<Long> ids = checkInIds.stream().distinct().toList();
        Map<Long, Stored> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            named.query("select check_in_id, vector from reflection_embedding where check_in_id in (:ids) "
                    + "and model = :model", Map.of("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)),
                    "model", model), row -> {
                        try {
                            found.put(row.getLong(1), new Stored(vectors.open(row.getBytes(2)), true));
                        } catch (FieldCipher.UnreadableValue e) {
                            found.put(row.getLong(1), new Stored(null, false));
                        }
                    });
        }
        return found;
    }

    /**
     * Stores (or replaces) each vector, each in a short transaction of its own that first locks the check-in's row:
     * erasure deletes that row (and with it the vector) under the same lock, so a vector is either stored before the
     * erasure and taken with it, or finds its check-in gone and is not stored. Without the lock, on H2, an insert that
     * read the check-in while an erasure was deleting it outlived the erasure.
     */
    void put(Map<Long, float[]> byCheckIn, String model) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        byCheckIn.forEach((id, vector) -> {
            byte[] sealed = vectors.seal(vector);
            try {
                jdbc.execute((ConnectionCallback<Void>) connection -> {
                    connection.setAutoCommit(false);
                    try {
                        store(new JdbcTemplate(new SingleConnectionDataSource(connection, true)), id, model, vector.length,
                                sealed, now);
                        connection.commit();
                    } catch (SQLException | RuntimeException e) {
                        connection.rollback();
                        throw e;
                    } finally {
                        connection.setAutoCommit(true);
                    }
                    return null;
                });
            } catch (DuplicateKeyException e) {
                // Stored by another thread or instance in the meantime, from the same text: nothing to do.
            }
        });
    }

    private static void store(JdbcTemplate tx, long checkInId, String model, int dimensions, byte[] sealed,
                              OffsetDateTime now) {
        if (tx.queryForList("select id from check_in where id = ? for update", Long.class, checkInId).isEmpty()) {
            return;
        }
        int updated = tx.update("update reflection_embedding set model = ?, dimensions = ?, vector = ?, "
                + "created_at = ? where check_in_id = ?", model, dimensions, sealed, now, checkInId);
        if (updated == 0) {
            tx.update("insert into reflection_embedding (check_in_id, model, dimensions, vector, created_at) "
                    + "values (?, ?, ?, ?, ?)", checkInId, model, dimensions, sealed, now);
        }
    }

    /**
     * Check-ins with a reflection but no vector from {@code model}, newest first, below {@code beforeId}. Reads
     * {@code check_in} for ids only, never its text: the reflections come through the check-in module.
     */
    List<Long> missing(String model, long beforeId, int limit) {
        return jdbc.queryForList("select c.id from check_in c left join reflection_embedding e "
                + "on e.check_in_id = c.id and e.model = ? where c.reflection is not null and e.check_in_id is null "
                + "and c.id < ? order by c.id desc fetch first " + limit + " rows only", Long.class, model, beforeId);
    }
}
