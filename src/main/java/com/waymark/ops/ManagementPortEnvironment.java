package com.waymark.ops;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Actuator lives on a management port of its own ({@code management.server.port}, 9090 unless {@code MANAGEMENT_PORT}
 * says otherwise), never on the bot's public port: health probes and Prometheus are reached from inside the
 * deployment only. A bot started on a random port (tests, the benchmarks, the e2e driver) gets a random management
 * port too, unless one was chosen: otherwise two instances on one machine would both claim 9090 and the second would
 * fail to start.
 */
public class ManagementPortEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "waymarkManagementPort";
    private static final String PORT = "management.server.port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if ("0".equals(env.getProperty("server.port")) && !chosen(env)) {
            env.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(PORT, "0")));
        }
    }

    /** Chosen means set anywhere but in the application's own configuration files (whose 9090 is the default). */
    private static boolean chosen(ConfigurableEnvironment env) {
        if (env.getProperty("MANAGEMENT_PORT") != null) {
            return true;
        }
        for (PropertySource<?> source : env.getPropertySources()) {
            boolean configFile = source instanceof OriginTrackedMapPropertySource
                    && source.getName().startsWith("Config resource");
            // The attached view over every other source "contains" what the config files say too: not a choice.
            boolean view = ConfigurationPropertySources.isAttachedConfigurationPropertySource(source);
            if (!configFile && !view && source.containsProperty(PORT)) {
                return true;
            }
        }
        return false;
    }
}
