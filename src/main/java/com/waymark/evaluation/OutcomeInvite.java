package com.waymark.evaluation;

import com.waymark.outbox.OutboxPayload;

/** The outcome measure's questions for one person, at the start or at the end of a programme. */
public record OutcomeInvite(long programmeId, OutcomeMeasure.Phase phase) implements OutboxPayload {

    @Override
    public boolean onRecipientsClock() {
        return true;
    }
}
