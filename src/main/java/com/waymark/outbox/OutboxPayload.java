package com.waymark.outbox;

import java.time.Instant;

/**
 * What one outbox message says, as a value: the module that decides to message someone writes one of these records,
 * the edge words it. Each record is stored as JSON beside its {@link OutboxPayloads type name and version}, and read
 * back by type. Payloads carry ids and facts, never sentences: the words are the edge's.
 * <p>
 * A feature's module declares its own payload records beside its code, registers each type's stored name as an
 * {@link OutboxPayloadType} bean, and the edge words it with a {@code teams.MessageWording}; the start-up check fails
 * when a registered type has no wording. The records below predate that and are worded through {@link Visitor}.
 */
public interface OutboxPayload {

    /** Only the records declared here are visited; a feature's own payload is worded by its slice instead. */
    default <R> R accept(Visitor<R> visitor) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is worded by its own MessageWording");
    }

    /** Whether it goes to a participant about their own coaching, so it waits for their own time (quiet hours). */
    default boolean onRecipientsClock() {
        return false;
    }

    /** One method per payload: implemented by whoever renders them all. */
    interface Visitor<R> {
        R checkIn(CheckIn checkIn);

        R sessionDigest(SessionDigest digest);

        R pairingNudge(PairingNudge nudge);

        R pairingFollowUp(PairingFollowUp followUp);

        R pairingUpdate(PairingUpdate update);

        R coachCall(CoachCall call);

        R thresholdLowered(ThresholdLowered lowered);

        R staffJoined(StaffJoined joined);

        R legacyText(LegacyText text);
    }

    /**
     * A scheduled check-in prompt (or its reminder): which programme (every message says), which prompt, which
     * occurrence the answer belongs to, and when it closes.
     */
    record CheckIn(long occurrenceId, long programmeId, String programmeName, String promptId, Instant closesAt,
                   String timeZone, boolean reminder) implements OutboxPayload {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.checkIn(this);
        }

        @Override
        public boolean onRecipientsClock() {
            return true;
        }
    }

    /** The pre-session digest for a coach: composed when sent, from these ids. */
    record SessionDigest(long sessionId, long programmeId, Instant startsAt) implements OutboxPayload {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sessionDigest(this);
        }
    }

    /** Who a person's peer-coaching partner is; {@code rematch} after a partner stepped out. Read when sent. */
    record PairingNudge(long memberId, long groupId, boolean rematch) implements OutboxPayload {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pairingNudge(this);
        }

        @Override
        public boolean onRecipientsClock() {
            return true;
        }
    }

    /** "Did you meet?" after a peer-coaching conversation. */
    record PairingFollowUp(long followUpId) implements OutboxPayload {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pairingFollowUp(this);
        }

        @Override
        public boolean onRecipientsClock() {
            return true;
        }
    }

    /**
     * A change in a person's peer coaching they are told of, as a fact the edge words. Names no person: only the
     * programme (every message says which) and the round, counted from 1.
     */
    record PairingUpdate(Change change, long programmeId, String programmeName, int round) implements OutboxPayload {

        public enum Change {
            /** Nobody else was free this round. */
            NOBODY_FREE,
            /** Others were free, but none they can be paired with. */
            NO_SUITABLE_PARTNER,
            /** One of a trio stepped out: the other two carry on as a pair. */
            PARTNER_LEFT_PAIR_STAYS,
            /** Their partner stepped out while the round still runs: they may be introduced to someone who frees up. */
            PARTNER_LEFT_MAY_REMATCH,
            /** Their partner stepped out at the round's end: paired again next round. */
            PARTNER_LEFT_NEXT_ROUND
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pairingUpdate(this);
        }

        @Override
        public boolean onRecipientsClock() {
            return true;
        }
    }

    /** A participant asked for a coach to call: named when sent, from the request's id. */
    record CoachCall(long requestId, long programmeId) implements OutboxPayload {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.coachCall(this);
        }
    }

    /** A programme's confidentiality threshold is to be lowered: announced only if still so when sent. */
    record ThresholdLowered(long programmeId, int was, int to, Instant from) implements OutboxPayload {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.thresholdLowered(this);
        }
    }

    /** Someone accepted an admin's invitation to the coaching team. */
    record StaffJoined(long programmeId, long staffMemberId) implements OutboxPayload {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.staffJoined(this);
        }
    }

    /**
     * A sentence composed by a module, as rows queued before payloads were typed hold them (type TEXT). Nothing
     * writes these any more; they are read so that such rows still deliver.
     */
    record LegacyText(String text) implements OutboxPayload {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.legacyText(this);
        }

        @Override
        public boolean onRecipientsClock() {
            return true;
        }
    }
}
