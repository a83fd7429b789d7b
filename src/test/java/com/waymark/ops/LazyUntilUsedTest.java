package com.waymark.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The lazy list names classes that exist (a rename would silently make one eager again), and only those are lazy. */
class LazyUntilUsedTest {

    @Test
    void everyNamedClassExists() {
        for (String name : LazyUntilUsed.LAZY) {
            assertThatCode(() -> Class.forName(name, false, getClass().getClassLoader())).as(name)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everythingElseIsExcludedFromLazyInitialisation() throws Exception {
        LazyUntilUsed filter = new LazyUntilUsed();
        Class<?> listed = Class.forName("com.waymark.schedule.CheckInTicker");

        assertThat(filter.isExcluded("checkInTicker", null, listed)).isFalse();
        assertThat(filter.isExcluded("botController", null, Class.forName("com.waymark.teams.BotController"))).isTrue();
        assertThat(filter.isExcluded("unknown", null, null)).isTrue();
    }
}
