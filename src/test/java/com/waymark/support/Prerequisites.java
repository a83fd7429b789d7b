package com.waymark.support;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from outside the project (PostgreSQL, {@code ../shared}). On a developer's machine a missing
 * prerequisite skips the test with the reason; where the environment says {@code CI=true} (as CI services set it)
 * it fails the test instead, so that a build which silently ran fewer tests can never pass as green.
 */
public final class Prerequisites {

    /** Where {@code ../shared} is, overridable with {@code -Dwaymark.shared-dir=…} (a test of the CI rule points it away). */
    public static final String SHARED_DIR_PROPERTY = "waymark.shared-dir";

    private final boolean ci;

    Prerequisites(Map<String, String> environment) {
        this.ci = "true".equalsIgnoreCase(environment.getOrDefault("CI", "").strip());
    }

    private static final Prerequisites CURRENT = new Prerequisites(System.getenv());

    /** Skips the calling test when {@code available} is false, or fails it under {@code CI=true}; {@code why} says what is missing. */
    public static void require(boolean available, String why) {
        CURRENT.check(available, why);
    }

    /** The shared folder beside the project: fixtures and datasets that are not ours to copy in. */
    public static Path sharedDir() {
        return Path.of(System.getProperty(SHARED_DIR_PROPERTY, Path.of("..", "shared").toString()));
    }

    void check(boolean available, String why) {
        if (available) {
            return;
        }
        if (ci) {
            Assertions.fail(why + " CI=true, so this fails rather than skips: a CI run must run every test.");
        }
        Assumptions.abort(why + " Skipping (under CI=true this would fail).");
    }
}
