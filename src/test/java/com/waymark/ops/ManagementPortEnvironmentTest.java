package com.waymark.ops;

import java.util.Map;

import com.waymark.teams.LocalModeEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the management port ends up: 9090 by default, random beside a random bot port unless chosen, loopback locally. */
class ManagementPortEnvironmentTest {

    @Test
    void theConfiguredPortStandsForABotOnAFixedPort() {
        var env = environment(Map.of("server.port", "3978"), Map.of());
        new ManagementPortEnvironment().postProcessEnvironment(env, null);
        assertThat(env.getProperty("management.server.port")).isEqualTo("9090");
    }

    @Test
    void aBotOnARandomPortGetsARandomManagementPortUnlessOneWasChosen() {
        var random = environment(Map.of("server.port", "0"), Map.of());
        new ManagementPortEnvironment().postProcessEnvironment(random, null);
        assertThat(random.getProperty("management.server.port")).isEqualTo("0");

        var chosen = environment(Map.of("server.port", "0"), Map.of("management.server.port", "9191"));
        new ManagementPortEnvironment().postProcessEnvironment(chosen, null);
        assertThat(chosen.getProperty("management.server.port")).isEqualTo("9191");

        var byVariable = environment(Map.of("server.port", "0"), Map.of("MANAGEMENT_PORT", "9292"));
        new ManagementPortEnvironment().postProcessEnvironment(byVariable, null);
        assertThat(byVariable.getProperty("management.server.port")).isEqualTo("9292");
    }

    @Test
    void localModeKeepsBothPortsOnLoopback() {
        var local = environment(Map.of("server.port", "3978"), Map.of());
        new LocalModeEnvironment().postProcessEnvironment(local, null);
        assertThat(local.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(local.getProperty("management.server.address")).isEqualTo("127.0.0.1");

        var deployed = environment(Map.of("server.port", "3978"), Map.of("waymark.bot.app-id", "an-app"));
        new LocalModeEnvironment().postProcessEnvironment(deployed, null);
        assertThat(deployed.getProperty("server.address")).isNull();
        assertThat(deployed.getProperty("management.server.address")).isNull();
    }

    /** {@code application.yml} as Spring Boot loads it (9090 from ${MANAGEMENT_PORT:9090}), then anything set elsewhere. */
    private static StandardEnvironment environment(Map<String, Object> elsewhere, Map<String, Object> chosen) {
        var env = new StandardEnvironment();
        env.getPropertySources().addLast(new MapPropertySource("commandLineArgs", merge(elsewhere, chosen)));
        env.getPropertySources().addLast(new OriginTrackedMapPropertySource(
                "Config resource 'class path resource [application.yml]' via location 'optional:classpath:/'",
                Map.of("management.server.port", "${MANAGEMENT_PORT:9090}", "waymark.bot.app-id", "")));
        // As SpringApplication does before any post-processor runs: a view over every source, named first.
        ConfigurationPropertySources.attach(env);
        return env;
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        var all = new java.util.HashMap<String, Object>(a);
        all.putAll(b);
        return all;
    }
}
