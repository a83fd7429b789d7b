package com.waymark.teams;

/**
 * The Bot Framework credentials cannot work, so Waymark must not start: the message says what is wrong, {@link
 * #action()} what to do; {@link BotCredentialsFailureAnalyzer} reports both instead of a stack trace. Never holds a
 * secret.
 */
public class BotCredentialsException extends IllegalStateException {

    private final String action;

    BotCredentialsException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What to do about it, for the start-up failure report. */
    public String action() {
        return action;
    }
}
