package com.waymark.ops;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The database failures of a first start, found deep in Spring's exceptions, each told in one line and one action. */
class DatabaseFailureAnalyzerTest {

    private final MockEnvironment env = new MockEnvironment().withProperty("waymark.data-dir", "./data")
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/waymark?password=hunter2&ssl=true")
            .withProperty("spring.datasource.username", "waymark");
    private final DatabaseFailureAnalyzer analyzer = new DatabaseFailureAnalyzer(env);

    @Test
    void h2AlreadyOpenMeansWaymarkIsRunningTwiceOnOneFolder() {
        FailureAnalysis analysis = analyzer.analyze(asSpringThrowsIt(new SQLException(
                "Database may be already in use: \"/x/waymark.mv.db\". Possible solutions: close all other connection(s)",
                "90020", 90020)));
        assertThat(analysis.getDescription()).isEqualTo("The database in " + Path.of("data").toAbsolutePath()
                + " is open in another process: most likely Waymark is already running from this folder.");
        assertThat(analysis.getAction()).contains("--waymark.data-dir=PATH");
    }

    @Test
    void postgresRefusalsAreToldApartAndNeverShowTheUrlsParameters() {
        FailureAnalysis refused = analyzer.analyze(asSpringThrowsIt(new SQLException("Connection to db.example:5432 "
                + "refused.", "08001")));
        assertThat(refused.getDescription()).isEqualTo("Could not connect to the database at "
                + "jdbc:postgresql://db.example:5432/waymark.");
        assertThat(refused.getAction()).contains("WAYMARK_DB_URL");

        FailureAnalysis password = analyzer.analyze(asSpringThrowsIt(new SQLException("FATAL: password authentication "
                + "failed for user \"waymark\"", "28P01")));
        assertThat(password.getDescription()).isEqualTo("The database at jdbc:postgresql://db.example:5432/waymark "
                + "refused user 'waymark': the user or password is wrong.");
        assertThat(password.getAction()).isEqualTo("Check WAYMARK_DB_USER and WAYMARK_DB_PASSWORD.");

        FailureAnalysis missing = analyzer.analyze(asSpringThrowsIt(new SQLException("FATAL: database \"waymark\" does "
                + "not exist", "3D000")));
        assertThat(missing.getAction()).contains("createdb waymark");

        for (FailureAnalysis analysis : new FailureAnalysis[] {refused, password, missing}) {
            assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("hunter2").doesNotContain("\n");
        }
    }

    @Test
    void otherDatabaseErrorsAreLeftToSpringBootsOwnReport() {
        assertThat(analyzer.analyze(asSpringThrowsIt(new SQLException("Syntax error", "42000")))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("no database involved"))).isNull();
        assertThat(new DatabaseFailureAnalyzer(null).analyze(asSpringThrowsIt(new SQLException("in use", "90020")))
                .getDescription()).as("no environment yet").contains("is open in another process");
    }

    /** As it reaches the report: the driver's exception under Spring's JDBC and bean-creation wrappers. */
    private static Throwable asSpringThrowsIt(SQLException driver) {
        return new BeanCreationException("entityManagerFactory", "Failed to initialize dependency 'flyway'",
                new BeanCreationException("flyway", "Failed to instantiate",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", driver)));
    }
}
