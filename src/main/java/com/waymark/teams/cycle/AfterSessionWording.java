package com.waymark.teams.cycle;

import java.time.Clock;
import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.checkin.CheckInSettings;
import com.waymark.cycle.AfterSession;
import com.waymark.cycle.AfterSessions;
import com.waymark.cycle.CycleSettings;
import com.waymark.teams.MessageWording;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/** The after-session card, made when it is sent: nothing if they have answered, left, or the session is not theirs. */
@Component
class AfterSessionWording implements MessageWording<AfterSession> {

    private final AfterSessions after;
    private final CheckInSettings checkIns;
    private final CycleSettings settings;
    private final Clock clock;

    AfterSessionWording(AfterSessions after, CheckInSettings checkIns, CycleSettings settings, Clock clock) {
        this.after = after;
        this.checkIns = checkIns;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Class<AfterSession> payloadType() {
        return AfterSession.class;
    }

    @Override
    public List<Activity> render(long recipientId, AfterSession payload) {
        return after.invitation(recipientId, payload.sessionId())
                .map(invitation -> List.of(Reply.card(CycleCards.afterSession(invitation,
                        after.threshold(invitation.programmeId()), checkIns.maxActionChars(),
                        settings.maxWordChars(), clock))))
                .orElse(List.of());
    }
}
