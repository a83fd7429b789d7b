package com.waymark.support;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The log check the bad-input tests rely on sees errors and stack traces, and nothing else. */
class ErrorLogTest {

    private static final Logger log = LoggerFactory.getLogger(ErrorLogTest.class);

    @Test
    void seesErrorsAndStackTracesOnly() {
        try (ErrorLog errors = ErrorLog.open()) {
            log.info("an ordinary turn");
            log.warn("a warning without a trace");
            assertThat(errors.events()).isEmpty();

            log.error("Turn failed");
            log.warn("a warning with a trace", new IllegalStateException("x"));
            assertThat(errors.events()).hasSize(2).anyMatch(e -> e.startsWith("ERROR") && e.contains("Turn failed"))
                    .anyMatch(e -> e.contains("IllegalStateException"));

            errors.clear();
            assertThat(errors.events()).isEmpty();
        }
    }
}
