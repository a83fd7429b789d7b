package com.waymark.support;

import java.nio.file.Path;

import com.waymark.bench.ConnectorStub;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, with its own H2 file database in a scratch folder and a
 * local connector stub standing in for Teams. Subclasses share one context (and one database). Metrics are
 * exported as in production (Spring Boot tests switch exporters off unless asked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
public abstract class WaymarkIntegrationTest {

    protected static final Path DATA_DIR = Scratch.dir("waymark-test-");
    /** Lives as long as the JVM, like the cached Spring context whose replies it receives. */
    protected static final ConnectorStub CONNECTOR = Scratch.connector();

    @DynamicPropertySource
    static void scratchDatabase(DynamicPropertyRegistry registry) {
        registry.add("waymark.data-dir", DATA_DIR::toString);
        registry.add("waymark.enrol.pace-ms", () -> "0");
        // Tests here talk fast as one person; the inbound limit has its own tests (InboundRateLimitTest).
        registry.add("waymark.bot.messages-per-minute", () -> "100000");
        // Quartz registers each scheduler's connections JVM-wide by scheduler name, so every context needs its own:
        // the tests' application.yml names each one at random when it starts. A name shared by the contexts of this
        // class's subclasses (a profile, a test property) let the last one started take over the others' connections,
        // and closing it closed their pool: sessions recorded later in the shared context then failed.
    }
}
