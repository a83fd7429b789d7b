package com.waymark.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * When a start fails, Spring logs the whole chain of exception messages on one WARN line ("Exception encountered during
 * context initialization - cancelling refresh attempt: …", often a thousand characters) and then Spring Boot reports
 * the same failure again: as a short description and action where a {@code FailureAnalyzer} knows it, or with the full
 * stack trace where none does. Only that first echo is dropped, so the report is what a newcomer reads; nothing is
 * lost. Installed once logging is set up (registered in {@code META-INF/spring.factories}); logback only.
 */
public class RefreshFailureEcho implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String ECHO = "Exception encountered during context initialization - cancelling refresh attempt";
    private static final String NAME = "waymark-refresh-failure-echo";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(filter -> NAME.equals(filter.getName()))) {
            TurboFilter filter = new Filter();
            filter.setName(NAME);
            filter.start();
            logback.addTurboFilter(filter);
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    static final class Filter extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            return level == Level.WARN && format != null && format.startsWith(ECHO) ? FilterReply.DENY
                    : FilterReply.NEUTRAL;
        }
    }
}
