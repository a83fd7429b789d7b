package com.waymark.privacy;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's share of the release ledger (the released figures computed from them), and a programme's once its
 * retention has passed: who contributed goes, the figures already released stay (they say nothing about one
 * person, and no new figure is computed from erased answers, so nothing is left to compare them with).
 */
@Component
class ReleaseLedgerData implements PersonalDataHolder, ProgrammeDataHolder {

    /** A figure shown to the programme's staff that included this person; never anyone else's id. */
    record ReleasedFigure(long programmeId, String measure, Instant periodFrom, Instant periodTo, String value,
                          Instant releasedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    ReleaseLedgerData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "releasedFigures";
    }

    @Override
    public int eraseProgrammeData(long programmeId) {
        return jdbc.update("delete from release_contributor where set_id in (select id from release_contributor_set "
                + "where programme_id = ?)", programmeId);
    }

    @Override
    public List<ReleasedFigure> export(long participantId) {
        return jdbc.query("select f.programme_id, f.measure, f.period_from, f.period_to, f.released_value, "
                        + "f.released_at from released_figure f join release_contributor c on c.set_id = f.set_id "
                        + "where c.participant_id = ? order by f.released_at, f.id",
                (rs, i) -> new ReleasedFigure(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()),
                participantId);
    }

    /**
     * The person's id becomes a tombstone: a random negative id that names nobody. Dropping them from past sets
     * instead would be a leak: a later figure without them would then look computed from the same people as the
     * one with them, be released, and the difference between the two would be exactly their erased answer. With
     * the tombstone, the two sets still differ by one person, so the later figure stays held back until enough
     * others have changed. Their fingerprints are re-hashed with a salt that is then forgotten: fingerprints that
     * were equal stay equal and those that differed still differ (so no two past figures become closer than they
     * were released as), but none can be matched to their records any more. Set digests are recomputed too.
     */
    @Override
    public int erase(long participantId) {
        Map<Long, String> fingerprints = new HashMap<>();
        jdbc.query("select set_id, fingerprint from release_contributor where participant_id = ?", rs -> {
            fingerprints.put(rs.getLong(1), rs.getString(2));
        }, participantId);
        if (fingerprints.isEmpty()) {
            return 0;
        }
        long tombstone = -1 - RANDOM.nextLong(Long.MAX_VALUE - 1);
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        String forgotten = HexFormat.of().formatHex(salt);
        int touched = 0;
        for (Map.Entry<Long, String> row : fingerprints.entrySet()) {
            touched += jdbc.update("update release_contributor set participant_id = ?, fingerprint = ? "
                            + "where set_id = ? and participant_id = ?", tombstone,
                    Releases.fingerprint(List.of(forgotten, row.getValue())), row.getKey(), participantId);
            Map<Long, String> members = new HashMap<>();
            jdbc.query("select participant_id, fingerprint from release_contributor where set_id = ?",
                    rs -> {
                        members.put(rs.getLong(1), rs.getString(2));
                    }, row.getKey());
            // Made unique by the set's id: two sets that become equal after erasure stay separate rows.
            jdbc.update("update release_contributor_set set digest = ? where id = ?",
                    Releases.digest(members).substring(0, 48) + Long.toHexString(row.getKey()), row.getKey());
        }
        return touched;
    }
}
