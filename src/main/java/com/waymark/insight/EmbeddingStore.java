package com.waymark.insight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.waymark.checkin.ReflectionTexts;
import com.waymark.privacy.FieldCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code reflection_embedding} table: one sealed vector per check-in with a reflection.
 * <p>
 * Reads run on a connection of their own, in auto-commit, and writes in a transaction of their own, never in a
 * caller's: a digest may ask for vectors inside a read-only transaction (on PostgreSQL, writes there fail), and an
 * embedding is derived data that is right to keep whatever becomes of the caller's work. The wrapper around the data
 * source is what stops Spring from handing the reads the transaction's connection. The check-ins themselves are
 * checkin's: their ids and the lock on their rows come through {@link ReflectionTexts}, never from its table.
 */
@Component
class EmbeddingStore {

    private static final int CHUNK = 500;
    /**
     * Check-in ids read per page while looking for those without a vector: ids only, so a page can be large. On H2
     * with 100,000 check-ins all embedded but the oldest, a pass took 0.33-0.47 s in pages of 10,000 (17 reads)
     * against 0.39-0.64 s for the single anti-join it replaced, which read check_in from here.
     */
    static final int PAGE = 10_000;

    /** A vector as stored, or why it can't be used. */
    record Stored(float[] vector, boolean readable) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate inTransaction;
    private final TransactionTemplate own;
    private final ReflectionTexts checkIns;
    private final VectorCipher vectors;
    private final Clock clock;

    EmbeddingStore(DataSource dataSource, JdbcTemplate inTransaction, PlatformTransactionManager transactions,
                   ReflectionTexts checkIns, FieldCipher cipher, Clock clock) {
        this.jdbc = new JdbcTemplate(new DelegatingDataSource(dataSource));
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.inTransaction = inTransaction;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.checkIns = checkIns;
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
                own.executeWithoutResult(status -> store(id, model, vector.length, sealed, now));
            } catch (DuplicateKeyException e) {
                // Stored by another thread or instance in the meantime, from the same text: nothing to do.
            }
        });
    }

    private void store(long checkInId, String model, int dimensions, byte[] sealed, OffsetDateTime now) {
        if (checkIns.lockPresent(List.of(checkInId)) == 0) {
            return;
        }
        int updated = inTransaction.update("update reflection_embedding set model = ?, dimensions = ?, vector = ?, "
                + "created_at = ? where check_in_id = ?", model, dimensions, sealed, now, checkInId);
        if (updated == 0) {
            inTransaction.update("insert into reflection_embedding (check_in_id, model, dimensions, vector, created_at) "
                    + "values (?, ?, ?, ?, ?)", checkInId, model, dimensions, sealed, now);
        }
    }

    /**
     * Check-ins with a reflection but no vector from {@code model}, newest first, below {@code beforeId}, at most
     * {@code limit}. The check-in module pages through the ids of check-ins with a reflection ({@value #PAGE} a page);
     * each page is matched against this table in one range read, so a pass over every reflection is two reads per
     * page, however many are already embedded.
     */
    List<Long> missing(String model, long beforeId, int limit) {
        return missing(model, beforeId, limit, PAGE);
    }

    /** {@link #missing(String, long, int)} in pages of {@code page} ids: small pages let a test cross many. */
    List<Long> missing(String model, long beforeId, int limit, int page) {
        List<Long> missing = new ArrayList<>();
        long before = beforeId;
        while (missing.size() < limit) {
            List<Long> ids = checkIns.idsWithReflection(before, page);
            if (ids.isEmpty()) {
                break;
            }
            long lowest = ids.get(ids.size() - 1);
            Set<Long> embedded = new HashSet<>(jdbc.queryForList("select check_in_id from reflection_embedding "
                    + "where model = ? and check_in_id between ? and ?", Long.class, model, lowest, ids.get(0)));
            for (long id : ids) {
                if (!embedded.contains(id) && missing.size() < limit) {
                    missing.add(id);
                }
            }
            before = lowest;
        }
        return missing;
    }
}
