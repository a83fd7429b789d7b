package com.waymark.teams;

/**
 * Something a person typed or a card sent that we can't use: its message is the kind reply, saying what was wrong and
 * an example that works. Thrown before anything is written, and answered by {@link WaymarkBot}, never logged.
 */
public final class BadInput extends RuntimeException {

    public BadInput(String reply) {
        super(reply, null, false, false);
    }
}
