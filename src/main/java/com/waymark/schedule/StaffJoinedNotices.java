package com.waymark.schedule;

import java.time.Clock;

import com.waymark.programme.StaffInvitationAccepted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import com.waymark.outbox.OutboxService;
import com.waymark.outbox.OutboxPayload;

/**
 * An invitation to a coaching team was accepted: its admin is told in their 1:1 chat, through the outbox, in the
 * same transaction as the acceptance. Like the other messages to staff it goes at once, not on a participant's clock.
 */
@Component
class StaffJoinedNotices {

    private final OutboxService outbox;
    private final Clock clock;

    StaffJoinedNotices(OutboxService outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void accepted(StaffInvitationAccepted accepted) {
        outbox.enqueue("staff-joined:s" + accepted.staffMemberId(), accepted.invitedBy(),
                new OutboxPayload.StaffJoined(accepted.programmeId(), accepted.staffMemberId()), clock.instant());
    }
}
