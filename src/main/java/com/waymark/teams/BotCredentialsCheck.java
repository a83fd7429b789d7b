package com.waymark.teams;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * An app id without its client secret would start, take every message and fail every reply (a reply needs a token,
 * and the token needs the secret): it stops the start instead, before the database is opened, with one clear report
 * ({@link BotCredentialsFailureAnalyzer}). Registered in {@code META-INF/spring.factories}; runs just after logging is
 * set up.
 */
public class BotCredentialsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(Environment env) {
        if (!env.getProperty("waymark.bot.app-id", "").isBlank() && env.getProperty("waymark.bot.app-password", "").isBlank()) {
            throw new BotCredentialsException("MicrosoftAppId is set but MicrosoftAppPassword is not: Waymark would take "
                    + "messages and fail every reply, as a reply needs a token and the token needs the client secret.",
                    "Set MicrosoftAppPassword (waymark.bot.app-password) to the Azure Bot's client secret, or leave "
                    + "MicrosoftAppId unset to try Waymark in local mode.");
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
