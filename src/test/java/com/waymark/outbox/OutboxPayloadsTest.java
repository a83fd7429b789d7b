package com.waymark.outbox;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed payloads go in and come back as the same records; rows queued before payloads were typed still read. */
class OutboxPayloadsTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:30:00Z");

    @Test
    void everyPayloadComesBackAsTheRecordThatWentIn() {
        List<OutboxPayload> all = List.of(
                new OutboxPayload.CheckIn(1, 2, "Leading well", "p-1", AT, "Europe/London", false),
                new OutboxPayload.CheckIn(1, 2, "Leading well", "p-1", AT, "Europe/London", true),
                new OutboxPayload.SessionDigest(3, 2, AT),
                new OutboxPayload.PairingNudge(4, 5, true),
                new OutboxPayload.PairingFollowUp(6),
                new OutboxPayload.PairingUpdate(OutboxPayload.PairingUpdate.Change.PARTNER_LEFT_MAY_REMATCH, 2,
                        "Leading well", 3),
                new OutboxPayload.CoachCall(7, 2),
                new OutboxPayload.ThresholdLowered(2, 5, 3, AT),
                new OutboxPayload.StaffJoined(2, 8),
                new OutboxPayload.LegacyText("Hello"));
        for (OutboxPayload payload : all) {
            String type = OutboxPayloads.typeOf(payload);
            assertThat(type).as(payload.getClass().getSimpleName()).isNotNull().hasSizeLessThanOrEqualTo(32);
            assertThat(OutboxPayloads.read(type, OutboxPayloads.VERSION, OutboxPayloads.write(payload)))
                    .isEqualTo(payload);
        }
    }

    /** The JSON the old string-keyed writers produced, exactly as it sits in rows queued before the change. */
    @Test
    void rowsQueuedBeforeTypedPayloadsStillRead() {
        assertThat(OutboxPayloads.read("CHECKIN_PROMPT", 1, "{\"occurrenceId\":11,\"programmeId\":2,"
                + "\"programmeName\":\"Leading well\",\"promptId\":\"p-1\",\"closesAt\":1772443800.000000000,"
                + "\"timeZone\":\"Europe/London\"}"))
                .isEqualTo(new OutboxPayload.CheckIn(11, 2, "Leading well", "p-1", AT, "Europe/London", false));
        assertThat(OutboxPayloads.read("CHECKIN_REMINDER", 1, "{\"occurrenceId\":11,\"programmeId\":2,"
                + "\"programmeName\":\"Leading well\",\"promptId\":\"p-1\",\"closesAt\":1772443800.000000000,"
                + "\"timeZone\":\"Europe/London\"}"))
                .isEqualTo(new OutboxPayload.CheckIn(11, 2, "Leading well", "p-1", AT, "Europe/London", true));
        assertThat(OutboxPayloads.read("SESSION_DIGEST", 1,
                "{\"sessionId\":3,\"programmeId\":2,\"startsAt\":\"2026-03-02T09:30:00Z\"}"))
                .isEqualTo(new OutboxPayload.SessionDigest(3, 2, AT));
        assertThat(OutboxPayloads.read("PAIRING_NUDGE", 1, "{\"memberId\":4,\"groupId\":5,\"rematch\":false}"))
                .isEqualTo(new OutboxPayload.PairingNudge(4, 5, false));
        assertThat(OutboxPayloads.read("PAIRING_FOLLOW_UP", 1, "{\"followUpId\":6}"))
                .isEqualTo(new OutboxPayload.PairingFollowUp(6));
        assertThat(OutboxPayloads.read("COACH_CALL", 1, "{\"requestId\":7,\"programmeId\":2}"))
                .isEqualTo(new OutboxPayload.CoachCall(7, 2));
        assertThat(OutboxPayloads.read("THRESHOLD_LOWERED", 1,
                "{\"programmeId\":2,\"was\":5,\"to\":3,\"from\":\"2026-03-02T09:30:00Z\"}"))
                .isEqualTo(new OutboxPayload.ThresholdLowered(2, 5, 3, AT));
        assertThat(OutboxPayloads.read("STAFF_JOINED", 1, "{\"programmeId\":2,\"staffMemberId\":8}"))
                .isEqualTo(new OutboxPayload.StaffJoined(2, 8));
        assertThat(OutboxPayloads.read("TEXT", 1, "{\"text\":\"Peer coaching, round 1: hello\"}"))
                .isEqualTo(new OutboxPayload.LegacyText("Peer coaching, round 1: hello"));
    }

    @Test
    void onlyMessagesAboutAParticipantsOwnCoachingWaitForTheirClock() {
        assertThat(new OutboxPayload.CheckIn(1, 2, "x", "p", AT, "UTC", true).onRecipientsClock()).isTrue();
        assertThat(new OutboxPayload.PairingNudge(4, 5, false).onRecipientsClock()).isTrue();
        assertThat(new OutboxPayload.SessionDigest(3, 2, AT).onRecipientsClock()).as("to a coach").isFalse();
        assertThat(new OutboxPayload.CoachCall(7, 2).onRecipientsClock()).as("to a coach, at once").isFalse();
    }

    @Test
    void aTypeOrVersionThisInstanceDoesNotKnowIsRefusedNotGuessed() {
        assertThatThrownBy(() -> OutboxPayloads.read("NO_SUCH_TYPE", 1, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxPayloads.read("COACH_CALL", OutboxPayloads.VERSION + 1, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxPayloads.read("COACH_CALL", 1, "not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
