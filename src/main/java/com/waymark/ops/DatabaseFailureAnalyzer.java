package com.waymark.ops;

import java.nio.file.Path;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The database problems a first start meets, reported as what is wrong and what to do instead of a stack trace
 * through Flyway and Hibernate (registered in {@code META-INF/spring.factories}): the H2 file already open in another
 * process (Waymark started twice on one data folder), and PostgreSQL refusing the connection, the password or the
 * database name. Told apart by SQLState, so neither driver is needed to compile. Anything else is left to Spring Boot's
 * own report. The database URL is shown without its parameters, which may hold a password.
 */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment env;

    /** Spring Boot passes the environment, or null when the start failed before there was one. */
    public DatabaseFailureAnalyzer(Environment env) {
        this.env = env;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String url = url();
        return switch (state) {
            case "90020" -> new FailureAnalysis("The database in "
                    + Path.of(property("waymark.data-dir", "./data")).toAbsolutePath().normalize() + " is open in another process: most likely Waymark is already running from this folder.",
                    "Stop the other Waymark first, or give this one a data folder of its own: "
                    + "--waymark.data-dir=PATH (WAYMARK_DATA_DIR).", cause);
            case "08001", "08004", "08006" -> new FailureAnalysis("Could not connect to the database at " + url + ".",
                    "Check WAYMARK_DB_URL, and that the database server is running and can be reached from here.", cause);
            case "28P01", "28000" -> new FailureAnalysis("The database at " + url + " refused user '"
                    + property("spring.datasource.username", "") + "': the user or password is wrong.",
                    "Check WAYMARK_DB_USER and WAYMARK_DB_PASSWORD.", cause);
            case "3D000" -> new FailureAnalysis("The database named in " + url + " does not exist.",
                    "Create it (for example `createdb waymark`), or correct WAYMARK_DB_URL.", cause);
            default -> null;
        };
    }

    private String url() {
        String url = property("spring.datasource.url", "(no spring.datasource.url)");
        int parameters = url.indexOf('?');
        if (parameters < 0) {
            parameters = url.indexOf(';');
        }
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    private String property(String name, String otherwise) {
        return env == null ? otherwise : env.getProperty(name, otherwise);
    }
}
