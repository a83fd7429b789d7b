package com.waymark.teams;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says in one log line whether requests are authenticated, and where the bot listens, as soon as the bot's own port
 * is open: before "Started …", in the order a newcomer reads the console, and with the address to give the Agents
 * Playground. One plain line, not a box: boxes break on a narrow terminal and in JSON logs.
 */
@Component
class LocalModeNotice {

    private static final Logger log = LoggerFactory.getLogger(LocalModeNotice.class);

    private final BotSettings settings;
    private final Environment env;

    LocalModeNotice(BotSettings settings, Environment env) {
        this.settings = settings;
        this.env = env;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        // The management port has a server (and an event) of its own; its namespace is "management".
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        String line = line(event.getWebServer().getPort());
        if (settings.localMode()) {
            log.warn(line);
        } else {
            log.info(line);
        }
    }

    /** What is logged once the bot's port is open; the address is the one the server was really given. */
    String line(int port) {
        String address = env.getProperty("server.address");
        if (!settings.localMode()) {
            return "Bot Framework authentication is on for app id " + settings.appId() + "; messages are taken on port "
                    + port + " at /api/messages";
        }
        String url = "http://" + (address == null || address.isBlank() ? "localhost" : address.trim()) + ":" + port
                + "/api/messages";
        String where = loopback(address) ? "on this machine only, at " + url
                : "at " + url + ", where other machines can reach it (server.address is set)";
        return "Local mode: no MicrosoftAppId is set, so messages are accepted without authentication. Listening "
                + where + ". For the Microsoft 365 Agents Playground; never for production.";
    }

    /** Unset means every interface (LocalModeEnvironment sets 127.0.0.1 in local mode unless one was chosen). */
    private static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
