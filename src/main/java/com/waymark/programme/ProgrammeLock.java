package com.waymark.programme;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lock on a programme's row, for what other modules derive from a programme's data and must not keep once it is
 * erased (insight's stored theme results): the writer and the eraser both take it first, so one waits for the other.
 */
@Component
public class ProgrammeLock {

    private final JdbcTemplate jdbc;

    ProgrammeLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the programme's row until the current transaction ends; false when there is no such programme. */
    public boolean lock(long programmeId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A programme's row is locked inside a transaction: outside one the lock "
                    + "would be released at once and protect nothing");
        }
        return !jdbc.queryForList("select id from programme where id = ? for update", Long.class, programmeId)
                .isEmpty();
    }
}
