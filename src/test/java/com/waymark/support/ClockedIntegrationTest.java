package com.waymark.support;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import com.waymark.bench.ConnectorStub;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with the clock in the test's hands: a {@link MutableClock} is the
 * application's {@code Clock}, Quartz does not start and the outbox is not polled, so a test plans, ticks and delivers
 * by calling the planner, the ticker and the worker itself, and a month of schedules runs in seconds. Subclasses share
 * one context (and one database), as {@link WaymarkIntegrationTest}'s do; a test class that needs the clock no longer
 * starts a context of its own for it.
 * <p>
 * Each test class starts as it would on a fresh context: at {@link #START} (a Sunday), with nothing an earlier class
 * planned or queued still live (rhythms and peer-coaching plans stood down, queued messages cancelled), since classes
 * here count what their own planner runs queue and send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.outbox.poll-ms=0", "spring.quartz.auto-startup=false", "waymark.enrol.pace-ms=0",
        "waymark.outbox.node-id=clocked-test-node",
        // Tests here talk fast as one person; the inbound limit has its own tests (InboundRateLimitTest).
        "waymark.bot.messages-per-minute=100000"})
@Import(ClockedIntegrationTest.Clocks.class)
public abstract class ClockedIntegrationTest {

    /** Sunday 1 November 2026, noon UTC: where each test class finds the clock. */
    public static final Instant START = Instant.parse("2026-11-01T12:00:00Z");

    protected static final Path DATA_DIR = Scratch.dir("waymark-clocked-");
    /** Lives as long as the JVM, like the cached Spring context whose messages it receives. */
    protected static final ConnectorStub CONNECTOR = Scratch.connector();
    protected static final MutableClock CLOCK = new MutableClock(START);

    /** The test class that ran last in this context: a new one is given a quiet start. */
    private static Class<?> lastClass;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock clockedTestClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void scratchDatabase(DynamicPropertyRegistry registry) {
        registry.add("waymark.data-dir", DATA_DIR::toString);
    }

    @Autowired
    private JdbcTemplate clockedDb;

    @BeforeEach
    void quietStartForEachClass() {
        synchronized (ClockedIntegrationTest.class) {
            if (lastClass == getClass()) {
                return;
            }
            lastClass = getClass();
        }
        CLOCK.set(START);
        clockedDb.update("update checkin_schedule set active = false");
        clockedDb.update("update pairing_plan set active = false");
        clockedDb.update("update outbox_message set status = 'CANCELLED' where status in ('PENDING', 'CLAIMED')");
        CONNECTOR.reset();
    }
}
