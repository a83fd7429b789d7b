package com.waymark.teams.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.outbox.OutboxPayload;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.ThresholdLowering;
import com.waymark.teams.MessageWording;
import com.waymark.teams.NoticeCards;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import org.springframework.stereotype.Component;

/** A programme's coach lowered its confidentiality threshold: each agreed participant is told before it applies. */
@Component
public class ThresholdLoweredWording implements MessageWording<OutboxPayload.ThresholdLowered> {

    private final ProgrammeService programmes;
    private final Clock clock;

    ThresholdLoweredWording(ProgrammeService programmes, Clock clock) {
        this.programmes = programmes;
        this.clock = clock;
    }

    @Override
    public Class<OutboxPayload.ThresholdLowered> payloadType() {
        return OutboxPayload.ThresholdLowered.class;
    }

    /** Read when sent: a lowering the coach took back meanwhile is not announced. */
    @Override
    public List<Activity> render(long recipientId, OutboxPayload.ThresholdLowered payload) {
        int to = payload.to();
        Instant from = payload.from();
        return programmes.find(payload.programmeId())
                .filter(p -> p.loweringAfter(clock.instant()).map(l -> l.to() == to && l.from().equals(from))
                        .orElse(p.thresholdAt(clock.instant()) == to))
                .map(p -> List.of(Reply.text(thresholdLowered(p, payload.was(), to, from))))
                .orElse(List.of());
    }

    /** What a participant is told when their programme's coach lowers its threshold. */
    public static String thresholdLowered(Programme programme, int was, int to, Instant from) {
        String name = PlainText.of(programme.getName());
        return "A change to \"" + name + "\": its coach has lowered the confidentiality threshold. From "
                + NoticeCards.when(new ThresholdLowering(programme.getId(), programme.getName(), was, to, from),
                ZoneId.of(programme.getTimeZone())) + ", a team summary may combine as few as " + to
                + " people (until then, at least " + was + "). Coaches still never see your own answers or your "
                + "name next to anything you wrote. If you'd rather not take part on these terms, you can leave "
                + "before then (\"leave programme " + name + "\") or erase your data (\"delete my data\"). "
                + "Say \"privacy\" to read the notice.";
    }
}
