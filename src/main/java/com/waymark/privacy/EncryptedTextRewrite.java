package com.waymark.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rewrites one text column in batches of 500 rows, in key order: the migrations that encrypt what was stored before
 * encryption (V32, V60) and the re-encryption after a key rotation. Each row is written only if it still holds the
 * value read, so an edit made meanwhile (a blocker added while the rotation runs) is never overwritten.
 */
final class EncryptedTextRewrite {

    private static final int BATCH = 500;

    private EncryptedTextRewrite() {
    }

    /** Applies {@code transform} to each non-null value where it changes it; returns how many rows were rewritten. */
    public static int rewrite(Connection connection, EncryptedColumn column, UnaryOperator<String> transform)
            throws SQLException {
        int rewritten = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + column.key() + ", " + column.column()
                    + " from " + column.table() + " where " + column.key() + " > ? and " + column.column()
                    + " is not null order by " + column.key() + " fetch first " + BATCH + " rows only")) {
                select.setLong(1, after);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        batch.add(new Object[] {rows.getLong(1), rows.getString(2)});
                    }
                }
            }
            if (batch.isEmpty()) {
                return rewritten;
            }
            try (PreparedStatement update = connection.prepareStatement("update " + column.table() + " set "
                    + column.column() + " = ? where " + column.key() + " = ? and " + column.column() + " = ?")) {
                for (Object[] row : batch) {
                    String stored = (String) row[1];
                    String next = transform.apply(stored);
                    if (!next.equals(stored)) {
                        update.setString(1, next);
                        update.setLong(2, (Long) row[0]);
                        update.setString(3, stored);
                        update.addBatch();
                        rewritten++;
                    }
                }
                update.executeBatch();
            }
            after = (Long) batch.get(batch.size() - 1)[0];
        }
    }
}
