package com.waymark.evaluation;

import com.waymark.outbox.OutboxPayload;

/** The end-of-programme evaluation for one person: its card is made when sent, from the programme as it is then. */
public record EvaluationInvite(long programmeId, long roundId) implements OutboxPayload {

    @Override
    public boolean onRecipientsClock() {
        return true;
    }
}
