package com.waymark.insight;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.waymark.checkin.TeamCheckIns.Reflection;
import com.waymark.insight.themes.Theme;
import com.waymark.checkin.ReflectionTexts;
import com.waymark.privacy.FieldCipher;
import com.waymark.programme.ProgrammeLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code theme_result} table: the clustering of one exact set of a programme's reflections, computed once
 * (ahead by {@link ThemePrecompute}, or by the first read that needs it) and shared by every instance. It is only
 * the expensive part of a theme report: which reflections fall into which theme, and the themes' labels. Every
 * read still applies the confidentiality policy, the release ledger and the audit to it, as it would to a fresh
 * clustering ({@link TeamThemes}).
 * <p>
 * A result is found by its fingerprint, over everything the clustering depends on (the embedding model, the
 * programme's theme feedback, each reflection's id, time and text, in order), so a set that changed in any way, by
 * a new reflection, an erasure or a retention sweep, can never be served an old result. Erasure and retention delete
 * the results themselves too ({@link ThemeResultData}), and a result computed from reflections that went meanwhile
 * is not stored ({@link #store}).
 * <p>
 * Meters: {@code waymark.themes.results} (lookups by reads and the precompute, tagged {@code found} true or false).
 */
@Component
class ThemeResults {

    /** Results kept per programme: the default windows of the programme and its groups, and a few older ones. */
    static final int KEPT_PER_PROGRAMME = 32;
    private static final Logger log = LoggerFactory.getLogger(ThemeResults.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Stored>> STORED = new TypeReference<>() {
    };

    /** One theme as kept; the match is null where the theme has none (NaN is not JSON). */
    record Stored(int id, String taxonomyId, String name, List<String> topTerms, List<Integer> members,
                  Double taxonomyMatch) {

        static Stored of(Theme theme) {
            return new Stored(theme.id(), theme.taxonomyId(), theme.name(), theme.topTerms(), theme.members(),
                    Double.isNaN(theme.taxonomyMatch()) ? null : theme.taxonomyMatch());
        }

        Theme theme() {
            return new Theme(id, taxonomyId, name, topTerms, members, taxonomyMatch == null ? Double.NaN
                    : taxonomyMatch);
        }
    }

    private final JdbcTemplate jdbc;
    private final ReflectionTexts reflections;
    private final ProgrammeLock programmeRows;
    private final TransactionTemplate own;
    private final FieldCipher cipher;
    private final Clock clock;
    private final Counter found;
    private final Counter missed;
    private final Map<String, CompletableFuture<List<Theme>>> inFlight = new ConcurrentHashMap<>();

    ThemeResults(JdbcTemplate jdbc, ReflectionTexts reflections, ProgrammeLock programmeRows,
                 PlatformTransactionManager transactions, FieldCipher cipher, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.reflections = reflections;
        this.programmeRows = programmeRows;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cipher = cipher;
        this.clock = clock;
        this.found = Counter.builder("waymark.themes.results")
                .description("Themes looked up and found computed before").tag("found", "true").register(meters);
        this.missed = Counter.builder("waymark.themes.results").description("Themes looked up and clustered then")
                .tag("found", "false").register(meters);
    }

    /**
     * The themes of these rows: the stored result for exactly these rows, else {@code compute}'s, stored for the
     * next read. The rows are in the order the clustering is given them; member indexes refer to it.
     */
    List<Theme> themes(long programmeId, String fingerprint, List<Reflection> rows, Supplier<List<Theme>> compute) {
        Optional<List<Theme>> stored = find(programmeId, fingerprint, rows.size());
        if (stored.isPresent()) {
            found.increment();
            return stored.get();
        }
        // The same reflections being clustered on this instance already (the precompute, or another coach's read):
        // wait for that one rather than take the cores twice.
        String key = programmeId + ":" + fingerprint;
        CompletableFuture<List<Theme>> mine = new CompletableFuture<>();
        CompletableFuture<List<Theme>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                List<Theme> theirs = running.join();
                found.increment();
                return theirs;
            } catch (CompletionException | java.util.concurrent.CancellationException failed) {
                return compute.get();
            }
        }
        try {
            missed.increment();
            List<Theme> computed = compute.get();
            try {
                store(programmeId, fingerprint, rows, computed);
            } catch (RuntimeException e) {
                // The coach still gets the report; the next read or the precompute stores it. The type only, as
                // messages may quote values.
                log.warn("Could not store a programme's themes ({}); they are clustered again next time",
                        e.getClass().getSimpleName());
            }
            mine.complete(computed);
            return computed;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    boolean has(long programmeId, String fingerprint) {
        return !jdbc.queryForList("select id from theme_result where programme_id = ? and fingerprint = ?", Long.class,
                programmeId, fingerprint).isEmpty();
    }

    /** What is stored for exactly these rows; empty when nothing is, or it can't be opened (its key was retired). */
    Optional<List<Theme>> find(long programmeId, String fingerprint, int rows) {
        List<byte[]> sealed = jdbc.queryForList("select themes from theme_result where programme_id = ? and "
                + "fingerprint = ? and reflections = ?", byte[].class, programmeId, fingerprint, rows);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Stored> themes = JSON.readValue(cipher.open(sealed.get(0)), STORED);
            return Optional.of(themes.stream().map(Stored::theme).toList());
        } catch (FieldCipher.UnreadableValue | java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores a result in a transaction of its own, after locking the programme's row (as erasure does before deleting
     * results, {@link ThemeResultData}) and then every check-in it came from: one an erasure or a retention sweep is
     * deleting is waited for and found gone, and a clustering of reflections that went is dropped, not kept. Only the
     * newest {@value #KEPT_PER_PROGRAMME} results of a programme are kept.
     */
    void store(long programmeId, String fingerprint, List<Reflection> rows, List<Theme> themes) {
        byte[] sealed;
        try {
            sealed = cipher.seal(JSON.writeValueAsBytes(themes.stream().map(Stored::of).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Themes could not be written as JSON", e);
        }
        List<Long> ids = rows.stream().map(Reflection::checkInId).distinct().toList();
        try {
            own.executeWithoutResult(status -> {
                if (!programmeRows.lock(programmeId) || reflections.lockPresent(ids) != ids.size() || has(programmeId, fingerprint)) {
                    return;
                }
                jdbc.update("insert into theme_result (programme_id, fingerprint, reflections, themes, computed_at) "
                        + "values (?, ?, ?, ?, ?)", programmeId, fingerprint, rows.size(), sealed,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                List<Long> older = jdbc.queryForList("select id from theme_result where programme_id = ? order by id "
                        + "desc", Long.class, programmeId);
                if (older.size() > KEPT_PER_PROGRAMME) {
                    jdbc.update("delete from theme_result where programme_id = ? and id <= ?", programmeId,
                            older.get(KEPT_PER_PROGRAMME));
                }
            });
        } catch (DuplicateKeyException e) {
            // Stored by another instance in the meantime, from the same reflections: nothing to do.
        }
    }

    /**
     * Everything a clustering of these rows depends on, hashed: the model that embeds them, the version of the
     * programme's theme feedback, and each reflection's id, time and text, in order.
     */
    static String fingerprint(String model, long feedbackVersion, List<Reflection> rows) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((model + "\u0000" + feedbackVersion + "\u0000").getBytes(StandardCharsets.UTF_8));
        for (Reflection row : rows) {
            sha.update((row.checkInId() + "\u0000" + row.at().toEpochMilli() + "\u0000" + row.text().length()
                    + "\u0000" + row.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
