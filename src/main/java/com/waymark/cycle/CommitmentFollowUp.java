package com.waymark.cycle;

import com.waymark.outbox.OutboxPayload;

/**
 * With a scheduled check-in, the person's open commitments from a session: how did they go? Carries the check-in's
 * occurrence only; what is open is read when it is sent (nothing is sent if all are answered by then).
 */
public record CommitmentFollowUp(long occurrenceId) implements OutboxPayload {

    @Override
    public boolean onRecipientsClock() {
        return true;
    }
}
