package com.waymark.teams;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What goes to the log keeps types and stack frames but never an exception's message. */
class RedactedTest {

    @Test
    void keepsTypesAndFramesThroughTheCauseChainButNoMessage() {
        var database = new SQLException("Value too long for column TEXT: 'I am struggling with the new chief exec'");
        var failure = new IllegalStateException("could not save 'I am struggling'", database);

        Throwable logged = Redacted.of(failure);

        StringWriter trace = new StringWriter();
        logged.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain("struggling").doesNotContain("Value too long")
                .contains(IllegalStateException.class.getName()).contains(SQLException.class.getName())
                .contains("RedactedTest.keepsTypesAndFramesThroughTheCauseChainButNoMessage");
        assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(logged.getCause().getStackTrace()).isEqualTo(database.getStackTrace());
    }

    @Test
    void survivesACauseCycle() {
        var first = new RuntimeException("a secret");
        var second = new RuntimeException("another secret", first);
        first.initCause(second);

        assertThat(Redacted.of(first).toString()).doesNotContain("secret");
    }
}
