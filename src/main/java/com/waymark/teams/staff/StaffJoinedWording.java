package com.waymark.teams.staff;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.outbox.OutboxPayload;
import com.waymark.programme.StaffInfo;
import com.waymark.programme.StaffInvitations;
import com.waymark.teams.MessageWording;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/** What an admin is told when someone accepts their invitation to the coaching team: briefly. */
@Component
class StaffJoinedWording implements MessageWording<OutboxPayload.StaffJoined> {

    private final StaffInvitations invitations;

    StaffJoinedWording(StaffInvitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public Class<OutboxPayload.StaffJoined> payloadType() {
        return OutboxPayload.StaffJoined.class;
    }

    /** Named when sent: someone who left the team or erased their data meanwhile is not named. */
    @Override
    public List<Activity> render(long recipientId, OutboxPayload.StaffJoined payload) {
        return invitations.joined(payload.staffMemberId())
                .map(joined -> List.of(Reply.text(PlainText.of(joined.person()) + " accepted your invitation: they "
                        + "are now " + (joined.role() == StaffInfo.Role.ADMIN ? "an admin" : "a coach") + " of \""
                        + PlainText.of(joined.programme()) + "\". Say \"coaches\" to see the team.")))
                .orElse(List.of());
    }
}
