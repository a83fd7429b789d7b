package com.waymark.teams;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without Bot Framework credentials the bot accepts unauthenticated activities, so it must not be
 * reachable from the network: bind to the loopback interface unless an address was chosen explicitly. The same
 * for the management port (health, metrics), which otherwise listens on every interface.
 */
public class LocalModeEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE = "waymarkLocalMode";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String appId = env.getProperty("waymark.bot.app-id", "");
        if (!appId.isBlank()) {
            return;
        }
        Map<String, Object> loopback = new HashMap<>();
        for (String address : new String[] {"server.address", "management.server.address"}) {
            if (!env.containsProperty(address)) {
                loopback.put(address, "127.0.0.1");
            }
        }
        if (!loopback.isEmpty()) {
            env.getPropertySources().addLast(new MapPropertySource(SOURCE, loopback));
        }
    }
}
