package com.waymark.teams;

/**
 * Exceptions for the log without their messages. A message can quote what someone wrote (a database error
 * citing the row's values, a parser citing its input), so what we log keeps each exception's type and stack
 * frames, through the cause chain, and withholds every message.
 */
final class Redacted extends RuntimeException {

    private static final int MAX_CAUSES = 16;

    private Redacted(String type, Throwable cause) {
        super(type + " [message withheld]", cause, false, true);
    }

    static Throwable of(Throwable throwable) {
        return of(throwable, 0);
    }

    private static Throwable of(Throwable throwable, int depth) {
        Throwable cause = throwable.getCause();
        Redacted copy = new Redacted(throwable.getClass().getName(),
                cause != null && cause != throwable && depth < MAX_CAUSES ? of(cause, depth + 1) : null);
        copy.setStackTrace(throwable.getStackTrace());
        return copy;
    }
}
