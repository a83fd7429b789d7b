package com.waymark.teams.checkin;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import com.microsoft.bot.schema.Activity;
import com.waymark.checkin.CheckInSettings;
import com.waymark.checkin.Prompt;
import com.waymark.checkin.PromptLibrary;
import com.waymark.outbox.OutboxPayload;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.DateText;
import com.waymark.teams.MessageWording;
import com.waymark.teams.Reply;
import com.waymark.teams.WaymarkCards;
import com.waymark.teams.question.CommitmentsBeside;
import org.springframework.stereotype.Component;

/** A scheduled check-in (or its reminder): the check-in card, naming its programme and when it closes. */
@Component
class CheckInPromptWording implements MessageWording<OutboxPayload.CheckIn> {

    private final PromptLibrary prompts;
    private final int maxReflectionChars;
    private final Clock clock;
    private final CommitmentsBeside beside;

    CheckInPromptWording(PromptLibrary prompts, CheckInSettings settings, Clock clock, CommitmentsBeside beside) {
        this.beside = beside;
        this.prompts = prompts;
        this.maxReflectionChars = settings.maxReflectionChars();
        this.clock = clock;
    }

    @Override
    public Class<OutboxPayload.CheckIn> payloadType() {
        return OutboxPayload.CheckIn.class;
    }

    @Override
    public List<Activity> render(long recipientId, OutboxPayload.CheckIn payload) {
        Prompt prompt = prompts.find(payload.promptId()).orElse(prompts.all().iterator().next());
        String closes = DateText.when(payload.closesAt(), ZoneId.of(payload.timeZone()), clock);
        AdaptiveCard card = WaymarkCards.scheduledCheckIn(payload, prompt, beside.lines(prompt.id(), recipientId),
                maxReflectionChars, closes, payload.reminder());
        return List.of(Reply.card(card));
    }
}
