package com.waymark.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A throw-away PostgreSQL database on the local server (127.0.0.1:5432, user {@code postgres}, trust
 * authentication), dropped on {@link #close()}. When the server is not reachable nothing is created and
 * {@link #missingReason()} says why, for {@link Prerequisites#require} (a skip, or a failure under {@code CI=true}).
 */
public final class ScratchPostgres implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String ADMIN_USER = "postgres";

    private final String database;
    private final String missingReason;

    private ScratchPostgres(String database, String missingReason) {
        this.database = database;
        this.missingReason = missingReason;
    }

    /** Creates {@code waymark_<purpose>_<random>}, or remembers why it could not. */
    public static ScratchPostgres create(String purpose, String neededBy) {
        DriverManager.setLoginTimeout(3);
        String name = "waymark_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
            return new ScratchPostgres(name, null);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + SERVER + "postgres as user " + ADMIN_USER + " ("
                    + e.getClass().getSimpleName() + "), needed by " + neededBy + ". "
                    + "Start it with: pg_ctlcluster --skip-systemctl-redirect <version> main start";
            System.err.println(reason);
            return new ScratchPostgres(null, reason);
        }
    }

    public boolean available() {
        return database != null;
    }

    /** What is missing, for the tests that need it; null when it is available. */
    public String missingReason() {
        return missingReason;
    }

    public String url() {
        return SERVER + database;
    }

    /** A template over one connection of its own to the database, as the administrator. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(url(), ADMIN_USER, "", true));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), ADMIN_USER, "");
    }

    @Override
    public void close() throws SQLException {
        if (database != null) {
            try (Connection admin = admin(); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres?connectTimeout=3", ADMIN_USER, "");
    }
}
