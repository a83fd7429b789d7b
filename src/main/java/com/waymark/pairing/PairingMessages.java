package com.waymark.pairing;

import java.time.Clock;
import java.time.Instant;

import com.waymark.outbox.OutboxPayload;
import com.waymark.outbox.OutboxService;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.schedule.PersonalScheduleService;
import org.springframework.stereotype.Component;

/**
 * Puts peer-coaching messages in the outbox, in the caller's transaction. Payloads carry ids only: the edge
 * reads names, roles and organisations when it sends, so a person's erasure leaves no copy of them in
 * anyone else's queued messages, and a nudge whose group has changed meanwhile is not sent at all.
 * <p>
 * A round runs at one time for the whole programme (pairs are formed together), but each message waits for its
 * recipient's own time for messages (outside quiet hours, not on a day away, not before their "after"), on their own
 * clock, as check-ins do: the one rule of {@code PersonalScheduleService.reachableFrom}, checked again when sent.
 */
@Component
class PairingMessages {

    private final OutboxService outbox;
    private final PersonalScheduleService personal;
    private final Clock clock;

    PairingMessages(OutboxService outbox, PersonalScheduleService personal, Clock clock) {
        this.outbox = outbox;
        this.personal = personal;
        this.clock = clock;
    }

    private Instant due(long participantId) {
        return personal.reachableFrom(participantId, clock.instant());
    }

    /** Who their partner is, the suggested structure and the buttons; {@code rematch} after a partner stepped out. */
    void nudge(PairingRound round, PairingMember member, boolean rematch) {
        String key = nudgeKeys(round.getId(), member.getParticipantId()) + (rematch ? ":g" + member.getGroupId() : "");
        outbox.enqueue(key, member.getParticipantId(),
                new OutboxPayload.PairingNudge(member.getId(), member.getGroupId(), rematch),
                due(member.getParticipantId()));
    }

    void followUp(PairingFollowUp followUp) {
        outbox.enqueue(followUpKeys(followUp.getId()) + ":s" + followUp.getSnoozes(),
                followUp.getParticipantId(), new OutboxPayload.PairingFollowUp(followUp.getId()),
                due(followUp.getParticipantId()));
    }

    /** Withdraws from the outbox whatever nudges of this round still wait for the person. */
    void cancelNudges(long roundId, long participantId) {
        outbox.cancelPending(participantId, nudgeKeys(roundId, participantId));
    }

    /** Withdraws from the outbox a follow-up question still waiting to be sent. */
    void cancelFollowUp(PairingFollowUp followUp) {
        outbox.cancelPending(followUp.getParticipantId(), followUpKeys(followUp.getId()) + ":");
    }

    private static String nudgeKeys(long roundId, long participantId) {
        return "pairing:r" + roundId + ":p" + participantId;
    }

    private static String followUpKeys(long followUpId) {
        return "pairing-followup:f" + followUpId;
    }

    /** A change in their peer coaching, as a fact: the edge words it. Never a person's name. */
    void update(long participantId, String key, OutboxPayload.PairingUpdate.Change change, ProgrammeInfo programme,
                int roundIndex) {
        outbox.enqueue(key, participantId, new OutboxPayload.PairingUpdate(change, programme.id(),
                programme.name(), roundIndex + 1), due(participantId));
    }
}
