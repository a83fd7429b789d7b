package com.waymark.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The questions a session's digest suggests, per programme: none used in the programme's last digest, turning
 * through the bank with each digest the programme has had, and the same for every coach of one session (the first
 * digest composed for a session fixes them; {@code digest_question}).
 */
@Component
class DigestQuestions {

    static final int COUNT = 3;

    private final CoachingQuestions bank;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DigestQuestions(CoachingQuestions bank, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.bank = bank;
        this.jdbc = jdbc;
        // A transaction of its own: a digest may be composed inside a read-only one, where writes fail.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The session's questions for these themes (largest first), chosen now if no coach's digest has chosen them. */
    List<String> forSession(long programmeId, long sessionId, List<String> themeIds) {
        List<String> chosen = stored(sessionId);
        if (!chosen.isEmpty()) {
            return chosen;
        }
        try {
            return ownTransaction.execute(tx -> {
                Integer earlier = jdbc.queryForObject("select count(distinct session_id) from digest_question "
                        + "where programme_id = ?", Integer.class, programmeId);
                List<String> suggested = bank.suggest(themeIds, COUNT, earlier, Set.copyOf(lastDigest(programmeId)));
                Timestamp now = Timestamp.from(clock.instant());
                for (int i = 0; i < suggested.size(); i++) {
                    jdbc.update("insert into digest_question (session_id, position, programme_id, question, created_at) "
                            + "values (?, ?, ?, ?, ?)", sessionId, i, programmeId, suggested.get(i), now);
                }
                return suggested;
            });
        } catch (DuplicateKeyException anotherCoachFirst) {
            return stored(sessionId);
        }
    }

    private List<String> stored(long sessionId) {
        return jdbc.queryForList("select question from digest_question where session_id = ? order by position",
                String.class, sessionId);
    }

    private List<String> lastDigest(long programmeId) {
        return jdbc.queryForList("select question from digest_question where session_id = (select session_id from "
                + "digest_question where programme_id = ? order by created_at desc, session_id desc fetch first 1 rows "
                + "only)", String.class, programmeId);
    }
}
