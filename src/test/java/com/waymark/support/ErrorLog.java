package com.waymark.support;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Collects what the application logs at ERROR, or with a stack trace, while it is open: bad input must be answered,
 * not logged as a failure. Open it around the requests under test and assert {@link #events()} is empty.
 */
public final class ErrorLog implements AutoCloseable {

    /** Keeps only what matters here, so a long fuzz run does not hoard every INFO line. */
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null) {
                super.append(event);
            }
        }
    };
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private ErrorLog() {
        captured.start();
        root.addAppender(captured);
    }

    public static ErrorLog open() {
        return new ErrorLog();
    }

    /** Each event logged at ERROR or carrying a throwable, as "LEVEL logger: message (exception class)". */
    public List<String> events() {
        List<ILoggingEvent> logged;
        synchronized (captured) { // AppenderBase appends while holding the appender's lock
            logged = List.copyOf(captured.list);
        }
        return logged.stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ")"))
                .toList();
    }

    public void clear() {
        synchronized (captured) {
            captured.list.clear();
        }
    }

    @Override
    public void close() {
        root.detachAppender(captured);
        captured.stop();
    }
}
