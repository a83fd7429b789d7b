package com.waymark.support;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A missing prerequisite skips a test on a developer's machine and fails it under {@code CI=true}. */
class PrerequisitesTest {

    @Test
    void underCiAMissingPrerequisiteFailsTheTest() {
        assertThatThrownBy(() -> new Prerequisites(Map.of("CI", "true")).check(false, "PostgreSQL is not reachable."))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("PostgreSQL is not reachable.").hasMessageContaining("fails rather than skips");
    }

    @Test
    void elsewhereItSkipsWithTheReason() {
        for (Map<String, String> environment : java.util.List.of(Map.<String, String>of(), Map.of("CI", "false"),
                Map.of("CI", ""))) {
            assertThatThrownBy(() -> new Prerequisites(environment).check(false, "No fixtures."))
                    .isInstanceOf(TestAbortedException.class).hasMessageContaining("No fixtures.");
        }
    }

    @Test
    void anAvailablePrerequisiteLetsTheTestRunEverywhere() {
        assertThatCode(() -> new Prerequisites(Map.of("CI", "true")).check(true, "unused")).doesNotThrowAnyException();
        assertThatCode(() -> new Prerequisites(Map.of()).check(true, "unused")).doesNotThrowAnyException();
    }
}
