package com.waymark.cycle;

import com.waymark.outbox.OutboxPayload;

/**
 * The after-session card for one participant: which session (its programme, for the words). Ids only; the edge reads
 * the rest when it sends, so a person erased meanwhile, or who answered already, gets nothing.
 */
public record AfterSession(long sessionId, long programmeId) implements OutboxPayload {

    /** Their own coaching: it waits for their own time (quiet hours, days away). */
    @Override
    public boolean onRecipientsClock() {
        return true;
    }
}
