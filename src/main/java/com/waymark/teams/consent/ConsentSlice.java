package com.waymark.teams.consent;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.microsoft.bot.schema.Activity;
import com.waymark.privacy.ConsentService;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.NoticeCards;
import com.waymark.teams.Phrase;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The privacy notice and agreeing to it, the one thing asked before anything of a person's own coaching is recorded.
 * Its line of help is the data rights' ("privacy" beside "my data").
 */
@Component
@Order(2)
public class ConsentSlice implements FeatureSlice<ConsentCommand> {

    /** The "I agree" button on the welcome and the notice. */
    public static final String CONSENT = "consent";

    private final ConsentService consent;
    private final NoticeCards notices;

    ConsentSlice(ConsentService consent, NoticeCards notices) {
        this.consent = consent;
        this.notices = notices;
    }

    @Override
    public Optional<ConsentCommand> parse(Phrase phrase) {
        if (phrase.is("privacy", "privacy notice")) {
            return Optional.of(new ConsentCommand.ShowNotice());
        }
        return phrase.is("i agree", "agree", "consent", "yes i agree") ? Optional.of(new ConsentCommand.Agree())
                : Optional.empty();
    }

    @Override
    public Optional<ConsentCommand> parseCard(CardSubmit submit) {
        return CONSENT.equals(submit.action()) ? Optional.of(new ConsentCommand.Agree()) : Optional.empty();
    }

    @Override
    public List<Activity> handle(Turn turn, ConsentCommand command) {
        long id = turn.participantId();
        if (command instanceof ConsentCommand.ShowNotice) {
            return List.of(notices.privacy(id, consent.agreedAt(id), ZoneId.of(turn.participant().getTimeZone())));
        }
        String thanks = consent.consent(id)
                ? "Thank you – you're all set. Say \"check in\" whenever you're ready, or \"help\" to see what I can do."
                : "Thank you – you had already agreed, so nothing changes. Say \"check in\" whenever you're ready.";
        return List.of(Reply.text(thanks));
    }
}
