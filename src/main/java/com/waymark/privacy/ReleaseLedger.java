package com.waymark.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where each programme's released figures are kept ({@link Releases} decides; this loads and stores). A read
 * ({@link #read}) opens the figures released over its span, asks for each figure it would show, then keeps what it
 * released, taking its turn with the programme's other reads. Shared by all of a programme's staff: coaches compare
 * notes, so one coach's earlier figure binds the next coach's read.
 */
@Service
public class ReleaseLedger {

    /** Striped by programme: reads of one programme take turns, reads of different ones rarely wait. */
    private static final int STRIPES = 64;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** {@link #read} calls {@link #open} and {@link #keep} on this object, past the proxy their annotations need. */
    private final TransactionTemplate reading;
    private final TransactionTemplate keeping;

    public ReleaseLedger(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.keeping = new TransactionTemplate(transactions);
    }

    /**
     * One read of a programme's figures by its staff, whole: while no other read of the programme runs, opens what
     * was released over [{@code from}, {@code to}), lets {@code read} ask the {@link Releases} for every figure it would
     * show, then keeps what it released. Every report that shows coaches figures built from participants' answers
     * reads through here, so none decides against a ledger another read is still changing. Not one transaction: what
     * a read released is committed before the next read of the programme opens the ledger. The caller records the
     * read in the {@link AuditLog}, with the people of the figures it showed.
     */
    public <T> T read(long programmeId, ConfidentialityPolicy policy, Instant from, Instant to,
                      Function<Releases, T> read) {
        return serialised(programmeId, () -> {
            Releases releases = reading.execute(tx -> open(programmeId, policy, from, to));
            T result = read.apply(releases);
            keeping.executeWithoutResult(tx -> keep(programmeId, releases));
            return result;
        });
    }

    /**
     * Runs one read (open, decide, keep) while no other read of the programme does, on this instance: two reads
     * at the same moment would each decide against a ledger without the other's figures, and could both be
     * shown. Reads on two instances of the application at the same moment are not yet serialised.
     */
    private <T> T serialised(long programmeId, Supplier<T> read) {
        ReentrantLock lock = stripes[Math.floorMod(Long.hashCode(programmeId), STRIPES)];
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** Everything released for this programme over periods that overlap [from, to). */
    @Transactional(readOnly = true)
    public Releases open(long programmeId, ConfidentialityPolicy policy, Instant from, Instant to) {
        record Figure(String measure, Instant from, Instant to, long setId, String value, Instant at) {
        }
        List<Figure> figures = jdbc.query("select measure, period_from, period_to, set_id, released_value, released_at "
                        + "from released_figure where programme_id = ? and period_from < ? and period_to > ?",
                (rs, i) -> new Figure(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)), rs.getLong(4), rs.getString(5),
                        instant(rs.getObject(6, OffsetDateTime.class))),
                programmeId, utc(to), utc(from));
        Map<Long, Map<Long, String>> sets = new HashMap<>();
        if (!figures.isEmpty()) {
            jdbc.query("select c.set_id, c.participant_id, c.fingerprint from release_contributor c "
                            + "join release_contributor_set s on s.id = c.set_id where s.programme_id = ? "
                            + "and c.set_id in (select f.set_id from released_figure f where f.programme_id = ? "
                            + "and f.period_from < ? and f.period_to > ?)",
                    rs -> {
                        sets.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getLong(2), rs.getString(3));
                    }, programmeId, programmeId, utc(to), utc(from));
        }
        List<Releases.Entry> entries = new ArrayList<>();
        for (Figure f : figures) {
            entries.add(new Releases.Entry(f.measure(), f.from(), f.to(), sets.getOrDefault(f.setId(), Map.of()),
                    f.value(), f.at()));
        }
        return new Releases(policy, entries, clock.instant());
    }

    /** Stores the figures a read released for the first time; returns the rows written. */
    @Transactional
    public int keep(long programmeId, Releases released) {
        int rows = 0;
        Map<String, Long> setIds = new HashMap<>();
        for (Releases.Entry entry : released.fresh()) {
            String digest = Releases.digest(entry.contributors());
            Long setId = setIds.get(digest);
            if (setId == null) {
                List<Long> existing = jdbc.queryForList("select id from release_contributor_set "
                        + "where programme_id = ? and digest = ?", Long.class, programmeId, digest);
                if (existing.isEmpty()) {
                    jdbc.update("insert into release_contributor_set (programme_id, digest, people) values (?, ?, ?)",
                            programmeId, digest, entry.contributors().size());
                    long newSet = jdbc.queryForObject("select id from release_contributor_set "
                            + "where programme_id = ? and digest = ?", Long.class, programmeId, digest);
                    List<Object[]> members = entry.contributors().entrySet().stream()
                            .map(e -> new Object[] {newSet, e.getKey(), e.getValue()}).toList();
                    setId = newSet;
                    jdbc.batchUpdate("insert into release_contributor (set_id, participant_id, fingerprint) "
                            + "values (?, ?, ?)", members);
                    rows += 1 + members.size();
                } else {
                    setId = existing.get(0);
                }
                setIds.put(digest, setId);
            }
            jdbc.update("insert into released_figure (programme_id, measure, period_from, period_to, set_id, "
                            + "released_value, released_at) values (?, ?, ?, ?, ?, ?, ?)", programmeId,
                    entry.measure(), utc(entry.from()), utc(entry.to()), setId, entry.value(), utc(entry.releasedAt()));
            rows++;
        }
        return rows;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at.toInstant();
    }
}
