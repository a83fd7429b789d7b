package com.waymark.teams;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.checkin.CheckInSettings;
import com.waymark.checkin.ActionPlanService;
import com.waymark.checkin.ActionResult;
import com.waymark.checkin.CheckIn;
import com.waymark.checkin.CheckInResult;
import com.waymark.checkin.CheckInService;
import com.waymark.checkin.CheckInSubmission;
import com.waymark.programme.Participant;
import com.waymark.schedule.ScheduleService;
import com.waymark.programme.ProgrammeService;
import com.waymark.privacy.ConsentService;
import org.springframework.stereotype.Component;

/**
 * A participant's 1:1 conversation: turns each {@link Command} into one plain domain call and the result
 * into replies. Nothing is recorded for someone who has not agreed to the privacy notice.
 */
@Component
class ParticipantConversation {

    private final ConsentService consent;
    private final CheckInService checkIns;
    private final ActionPlanService actionPlan;
    private final ProgrammeService programmes;
    private final int maxReflectionChars;
    private final DataRightsConversation dataRights;
    private final SupportConversation support;
    private final NoticeCards notices;
    private final ScheduleService schedules;
    private final Slices slices;

    ParticipantConversation(Slices slices, ConsentService consent, CheckInService checkIns, ActionPlanService actionPlan,
                            ProgrammeService programmes,
                            CheckInSettings checkin,
                            DataRightsConversation dataRights, SupportConversation support, NoticeCards notices,
                            ScheduleService schedules) {
        this.slices = slices;
        this.notices = notices;
        this.schedules = schedules;
        this.consent = consent;
        this.checkIns = checkIns;
        this.actionPlan = actionPlan;
        this.programmes = programmes;
        this.maxReflectionChars = checkin.maxReflectionChars();
        this.dataRights = dataRights;
        this.support = support;
    }

    List<Activity> handle(Participant participant, Command command) {
        long id = participant.getId();
        boolean consented = consent.hasConsented(id);
        if (!consented && needsConsent(command)) {
            return notices.consentFirst(id);
        }
        if (command instanceof Command.Help) {
            return List.of(card(HelpCards.help(coaches(id), consented,
                    schedules.sessionExample(ZoneId.of(participant.getTimeZone())),
                    slices.help(HelpLine.Audience.PARTICIPANT), slices.help(HelpLine.Audience.COACH))));
        }
        if (command instanceof Command.ShowPrivacy) {
            return List.of(notices.privacy(id, consent.agreedAt(id), ZoneId.of(participant.getTimeZone())));
        }
        if (command instanceof Command.GiveConsent) {
            return giveConsent(id);
        }
        if (command instanceof Command.StartCheckIn) {
            return List.of(card(WaymarkCards.checkIn(checkIns.nextPrompt(id), maxReflectionChars)));
        }
        if (command instanceof Command.SubmitCheckIn submit) {
            return submitCheckIn(participant, submit);
        }
        if (command instanceof Command.AddAction add) {
            return addAction(id, add);
        }
        if (command instanceof Command.ListActions) {
            return List.of(card(WaymarkCards.actions(actionPlan.list(id), ZoneId.of(participant.getTimeZone()))));
        }
        if (command instanceof Command.CompleteAction done) {
            return completeAction(id, done);
        }
        if (command instanceof Command.BlockAction stuck) {
            return blockAction(id, stuck);
        }
        if (command instanceof Command.ShowTrend) {
            return List.of(card(WaymarkCards.trend(checkIns.trend(id))));
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
        if (DataRightsConversation.handles(command)) {
            return dataRights.handle(participant, command);
        }
        if (SupportConversation.handles(command)) {
            return support.handle(participant, command);
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

    /** Only what records or shows a person's own check-ins and actions waits for consent. */
    static boolean needsConsent(Command command) {
        return command instanceof Command.StartCheckIn || command instanceof Command.SubmitCheckIn
                || command instanceof Command.AddAction || command instanceof Command.ListActions
                || command instanceof Command.CompleteAction || command instanceof Command.ShowTrend
                || command instanceof Command.BlockAction;
    }

    private List<Activity> giveConsent(long id) {
        boolean recorded = consent.consent(id);
        String thanks = recorded
                ? "Thank you – you're all set. Say \"check in\" whenever you're ready, or \"help\" to see what I can do."
                : "Thank you – you had already agreed, so nothing changes. Say \"check in\" whenever you're ready.";
        return List.of(MessageFactory.text(thanks));
    }

    private List<Activity> submitCheckIn(Participant participant, Command.SubmitCheckIn submit) {
        long id = participant.getId();
        Long programmeId = programmes.checkInProgramme(participant, idOrNull(submit.programmeId()));
        var submission = new CheckInSubmission(submit.wellbeing(), submit.energy(), submit.promptId(),
                submit.reflection(), submit.quoteOk(), submit.fromCard() ? CheckIn.Source.CARD : CheckIn.Source.TEXT,
                programmeId, idOrNull(submit.occurrenceId()));
        CheckInResult result = checkIns.record(id, submission);
        if (result instanceof CheckInResult.Saved saved) {
            List<Activity> replies = new ArrayList<>();
            replies.add(card(WaymarkCards.checkInSaved(saved.trend(), saved.checkIn().isQuoteOk())));
            replies.addAll(support.afterCheckIn(saved));
            return replies;
        }
        var rejected = (CheckInResult.Rejected) result;
        return List.of(MessageFactory.text("I couldn't save that check-in yet, and nothing was stored:\n\n- "
                + String.join("\n- ", rejected.problems())));
    }

    private List<Activity> addAction(long id, Command.AddAction add) {
        ActionResult result = actionPlan.add(id, add.text());
        if (result instanceof ActionResult.Added added) {
            int number = added.action().getNumber();
            return List.of(MessageFactory.text("Added to your action plan as number " + number
                    + ". Say \"done " + number + "\" when you've done it."));
        }
        return List.of(MessageFactory.text(((ActionResult.Rejected) result).problem()));
    }

    private List<Activity> blockAction(long id, Command.BlockAction stuck) {
        ActionResult result = actionPlan.block(id, Integer.parseInt(stuck.number()), stuck.what());
        if (result instanceof ActionResult.Blocked blocked) {
            return List.of(MessageFactory.text("Noted what's in the way of \"" + blocked.action().getText() + "\". "
                    + "Naming it is a step. Your coach only ever sees how many actions are held up by each kind of "
                    + "obstacle, across " + notices.thresholdPhrase(id) + ", never your words. Say \"done " + stuck.number()
                    + "\" when it's done."));
        }
        if (result instanceof ActionResult.AlreadyDone already) {
            return List.of(MessageFactory.text("Action " + already.action().getNumber() + " is already done."));
        }
        if (result instanceof ActionResult.Rejected rejected) {
            return List.of(MessageFactory.text(rejected.problem()));
        }
        return List.of(MessageFactory.text("You have no action number " + ((ActionResult.NotFound) result).number()
                + ". Say \"my actions\" to see your plan."));
    }

    private List<Activity> completeAction(long id, Command.CompleteAction done) {
        if (!done.number().matches("\\d{1,6}")) {
            return List.of(MessageFactory.text("Which action? Say \"done\" and its number from \"my actions\", "
                    + "for example: done 2."));
        }
        ActionResult result = actionPlan.complete(id, Integer.parseInt(done.number()));
        if (result instanceof ActionResult.Completed completed) {
            return List.of(MessageFactory.text("Done – well done on \"" + completed.action().getText() + "\". "
                    + (completed.stillOpen() == 0 ? "That was your last open action."
                    : completed.stillOpen() + " still open.")));
        }
        if (result instanceof ActionResult.AlreadyDone already) {
            return List.of(MessageFactory.text("Action " + already.action().getNumber() + " was already marked done."));
        }
        return List.of(MessageFactory.text("You have no action number " + ((ActionResult.NotFound) result).number()
                + ". Say \"my actions\" to see your plan."));
    }

    /** The programme a check-in is about: the one on the card if they take part in it, else their current one. */
    private static Long idOrNull(String raw) {
        return raw != null && raw.strip().matches("\\d{1,18}") ? Long.valueOf(raw.strip()) : null;
    }

    static Activity card(AdaptiveCard card) {
        return MessageFactory.attachment(card.toAttachment());
    }
}
