package com.waymark.teams.cycle;

import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.cycle.AfterSessions;
import com.waymark.cycle.CommitmentFollowUp;
import com.waymark.teams.MessageWording;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/** With a check-in: the commitments still open, each with done, partly, not yet or in the way. */
@Component
class FollowUpWording implements MessageWording<CommitmentFollowUp> {

    private final AfterSessions after;

    FollowUpWording(AfterSessions after) {
        this.after = after;
    }

    @Override
    public Class<CommitmentFollowUp> payloadType() {
        return CommitmentFollowUp.class;
    }

    @Override
    public List<Activity> render(long recipientId, CommitmentFollowUp payload) {
        List<AfterSessions.OpenCommitment> open = after.open(recipientId);
        return open.isEmpty() ? List.of() : List.of(Reply.card(CycleCards.followUp(open)));
    }
}
