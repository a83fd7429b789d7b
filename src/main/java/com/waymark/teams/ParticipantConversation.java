package com.waymark.teams;

import java.time.ZoneId;
import java.util.List;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.programme.Participant;
import com.waymark.schedule.ScheduleService;
import com.waymark.programme.ProgrammeService;
import com.waymark.privacy.ConsentService;
import org.springframework.stereotype.Component;

/**
 * What the bot itself answers in a 1:1 chat, before and beside any feature: help (made from every slice's lines),
 * the privacy notice and agreeing to it, and messages it could not read. Features are {@link FeatureSlice}s.
 */
@Component
class ParticipantConversation {

    private final ConsentService consent;
    private final ProgrammeService programmes;
    private final NoticeCards notices;
    private final ScheduleService schedules;
    private final Slices slices;

    ParticipantConversation(Slices slices, ConsentService consent, ProgrammeService programmes, NoticeCards notices,
                            ScheduleService schedules) {
        this.slices = slices;
        this.notices = notices;
        this.schedules = schedules;
        this.consent = consent;
        this.programmes = programmes;
    }

    List<Activity> handle(Participant participant, Command command) {
        long id = participant.getId();
        if (command instanceof Command.Help) {
            return List.of(card(HelpCards.help(coaches(id), consent.hasConsented(id),
                    schedules.sessionExample(ZoneId.of(participant.getTimeZone())),
                    slices.help(HelpLine.Audience.PARTICIPANT), slices.help(HelpLine.Audience.COACH))));
        }
        if (command instanceof Command.ShowPrivacy) {
            return List.of(notices.privacy(id, consent.agreedAt(id), ZoneId.of(participant.getTimeZone())));
        }
        if (command instanceof Command.GiveConsent) {
            return giveConsent(id);
        }
        if (command instanceof Command.TooLong tooLong) {
            return List.of(MessageFactory.text("That message is " + tooLong.length()
                    + " characters long, more than the " + tooLong.limit() + " I can take in one go. "
                    + "Nothing was saved. Could you send it in shorter parts?"));
        }
        if (command instanceof Command.UnknownCardAction) {
            return List.of(MessageFactory.text("I couldn't tell what that card was for; it may be from an older "
                    + "message. Nothing was saved. Say \"help\" to see what I can do."));
        }
        if (!(command instanceof Command.Unknown)) {
            throw new IllegalArgumentException("Not a participant command: " + command.getClass().getSimpleName());
        }
        return List.of(MessageFactory.text(coaches(id) ? HelpCards.DIDNT_CATCH_COACH : HelpCards.DIDNT_CATCH));
    }

    /** On any programme's staff: help then shows the coaches' commands too. */
    private boolean coaches(long id) {
        return programmes.programmesOf(id).stream().anyMatch(p -> p.staffRole() != null);
    }

    private List<Activity> giveConsent(long id) {
        boolean recorded = consent.consent(id);
        String thanks = recorded
                ? "Thank you – you're all set. Say \"check in\" whenever you're ready, or \"help\" to see what I can do."
                : "Thank you – you had already agreed, so nothing changes. Say \"check in\" whenever you're ready.";
        return List.of(MessageFactory.text(thanks));
    }

    static Activity card(AdaptiveCard card) {
        return MessageFactory.attachment(card.toAttachment());
    }
}
