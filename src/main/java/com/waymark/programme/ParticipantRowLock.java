package com.waymark.programme;

import com.waymark.privacy.PersonLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link PersonLock} on the {@code participant} row: the one row every table about a person points at. */
@Component
class ParticipantRowLock implements PersonLock {

    private final JdbcTemplate jdbc;

    ParticipantRowLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean lock(long participantId) {
        // Checked here, not by an annotation: the default lockForWrite calls this method on the target itself.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A person's row is locked inside a transaction: outside one the lock "
                    + "would be released at once and protect nothing");
        }
        return !jdbc.queryForList("select id from participant where id = ? for update", Long.class, participantId)
                .isEmpty();
    }
}
