package com.waymark.support;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Rows of other modules' tables for a JPA slice test ({@code @DataJpaTest}), written in SQL: the slice knows only
 * their columns, not their code.
 */
public final class SliceRows {

    private SliceRows() {
    }

    /** Runs one insert and returns the generated {@code id}; an {@link Instant} argument is written as a timestamp. */
    public static long insert(JdbcTemplate db, String sql, Object... args) {
        var keys = new GeneratedKeyHolder();
        db.update(con -> {
            PreparedStatement statement = con.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i] instanceof Instant instant ? Timestamp.from(instant) : args[i];
                statement.setObject(i + 1, arg);
            }
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    /** A programme named {@code name} (Europe/London, threshold 5, a year's retention) with a random join code. */
    public static long programme(JdbcTemplate db, String name, Instant createdAt) {
        return insert(db, "insert into programme (tenant_id, name, time_zone, confidentiality_threshold, "
                        + "retention_days, join_code, created_at) values ('t', ?, 'Europe/London', 5, 365, ?, ?)", name,
                UUID.randomUUID().toString().substring(0, 8), createdAt);
    }
}
