package com.waymark.privacy;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Checks the encryption settings as soon as they are known, before the web server, the database and Flyway start (the
 * key is first needed there): a missing or mistyped key then stops the start within a second, reported by {@link
 * EncryptionKeyFailureAnalyzer} as one description and one action. Runs just after logging is set up, so the report is
 * logged like any other. Registered in {@code META-INF/spring.factories}; it writes nothing (local mode generates its
 * key later, in {@link EncryptionConfiguration}).
 */
public class EncryptionKeyCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var env = event.getEnvironment();
        EncryptionProperties encryption = Binder.get(env).bindOrCreate("waymark.encryption",
                Bindable.of(EncryptionProperties.class));
        EncryptionConfiguration.check(encryption, env);
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
