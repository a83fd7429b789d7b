package com.waymark.outbox;

import java.time.Instant;

/**
 * What one outbox message says, as a value: the module that decides to message someone writes one of these records,
 * the edge words it. Each record is stored as JSON beside its {@link OutboxPayloads type name and version}, and read
 * back by type. Payloads carry ids and facts, never sentences: the words are the edge's.
 * <p>
 * A feature's module declares its own payload records beside its code, registers each type's stored name as an
 * {@link OutboxPayloadType} bean, and the edge words it with a {@code teams.MessageWording}; the start-up check fails
 * when a registered type has no wording. The records below predate that; each is worded the same way, by the slice
 * whose feature queues it (the start-up check covers them too).
 */
public interface OutboxPayload {

    /** Whether it goes to a participant about their own coaching, so it waits for their own time (quiet hours). */
    default boolean onRecipientsClock() {
        return false;
    }

    /**
     * A scheduled check-in prompt (or its reminder): which programme (every message says), which prompt, which
     * occurrence the answer belongs to, and when it closes.
     */
    record CheckIn(long occurrenceId, long programmeId, String programmeName, String promptId, Instant closesAt,
                   String timeZone, boolean reminder) implements OutboxPayload {
        @Override
        public boolean onRecipientsClock() {
            return true;
        }
    }

    /** The pre-session digest for a coach: composed when sent, from these ids. */
    record SessionDigest(long sessionId, long programmeId, Instant startsAt) implements OutboxPayload {
    }

    /** Who a person's peer-coaching partner is; {@code rematch} after a partner stepped out. Read when sent. */
    record PairingNudge(long memberId, long groupId, boolean rematch) implements OutboxPayload {
        @Override
        public boolean onRecipientsClock() {
            return true;
        }
    }

    /** "Did you meet?" after a peer-coaching conversation. */
    record PairingFollowUp(long followUpId) implements OutboxPayload {
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
        public boolean onRecipientsClock() {
            return true;
        }
    }

    /** A participant asked for a coach to call: named when sent, from the request's id. */
    record CoachCall(long requestId, long programmeId) implements OutboxPayload {
    }

    /** A programme's confidentiality threshold is to be lowered: announced only if still so when sent. */
    record ThresholdLowered(long programmeId, int was, int to, Instant from) implements OutboxPayload {
    }

    /** Someone accepted an admin's invitation to the coaching team. */
    record StaffJoined(long programmeId, long staffMemberId) implements OutboxPayload {
    }

    /**
     * A sentence composed by a module, as rows queued before payloads were typed hold them (type TEXT). Nothing
     * writes these any more; they are read so that such rows still deliver.
     */
    record LegacyText(String text) implements OutboxPayload {
        @Override
        public boolean onRecipientsClock() {
            return true;
        }
    }
}
