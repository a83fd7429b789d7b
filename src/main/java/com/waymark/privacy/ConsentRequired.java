package com.waymark.privacy;

/**
 * Thrown by a domain service asked to record something about a person who has not agreed to the current privacy
 * notice ({@link ConsentService#lockForRecording}). The edge asks first and answers kindly; this is the floor under
 * that, so an entry point added later cannot record data before consent. Thrown inside the service's transaction,
 * so that transaction stores nothing.
 */
public final class ConsentRequired extends RuntimeException {

    private final long participantId;

    public ConsentRequired(long participantId) {
        // No stack trace: a refusal, not a fault; and no personal text in the message.
        super("no agreement to the current privacy notice", null, false, false);
        this.participantId = participantId;
    }

    public long participantId() {
        return participantId;
    }
}
