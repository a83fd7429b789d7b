package com.waymark.checkin;

import java.time.Clock;
import java.util.List;

import com.waymark.privacy.ConsentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A participant's own action plan: add, list and complete, with every change kept as history. */
@Service
public class ActionPlanService {

    private final ActionItemRepository actions;
    private final Clock clock;
    private final int maxActionChars;
    private final ConsentService consent;

    public ActionPlanService(ActionItemRepository actions, Clock clock,
                             CheckInSettings settings, ConsentService consent) {
        this.consent = consent;
        this.actions = actions;
        this.clock = clock;
        this.maxActionChars = settings.maxActionChars();
    }

    @Transactional
    public ActionResult add(long participantId, String text) {
        consent.lockForRecording(participantId);
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            return new ActionResult.Rejected("Tell me the action after \"add action\", for example: "
                    + "add action Ask my deputy to chair Thursday's huddle.");
        }
        if (clean.length() > maxActionChars) {
            return new ActionResult.Rejected("That action is longer than " + maxActionChars
                    + " characters. A short line is easier to come back to. Nothing has been saved.");
        }
        int number = actions.maxNumber(participantId) + 1;
        return new ActionResult.Added(actions.save(new ActionItem(participantId, number, clean, clock.instant())).info());
    }

    @Transactional(readOnly = true)
    public List<ActionInfo> list(long participantId) {
        return actions.findByParticipantIdOrderByNumberAsc(participantId).stream().map(ActionItem::info).toList();
    }

    @Transactional
    public ActionResult complete(long participantId, int number) {
        consent.lockForRecording(participantId);
        return actions.findByParticipantIdAndNumber(participantId, number)
                .<ActionResult>map(action -> {
                    if (action.getStatus() == ActionItem.Status.DONE) {
                        return new ActionResult.AlreadyDone(action.info());
                    }
                    action.complete(clock.instant());
                    long open = list(participantId).stream().filter(a -> !a.done()).count();
                    return new ActionResult.Completed(action.info(), (int) open);
                })
                .orElseGet(() -> new ActionResult.NotFound(number));
    }

    /** Notes what is in the way of an open action; saying it again replaces the note. */
    @Transactional
    public ActionResult block(long participantId, int number, String what) {
        consent.lockForRecording(participantId);
        String clean = what == null ? "" : what.strip();
        if (clean.length() > maxActionChars) {
            return new ActionResult.Rejected("That's longer than " + maxActionChars + " characters; a short line is "
                    + "enough. Nothing has been saved.");
        }
        return actions.findByParticipantIdAndNumber(participantId, number)
                .<ActionResult>map(action -> {
                    if (action.getStatus() == ActionItem.Status.DONE) {
                        return new ActionResult.AlreadyDone(action.info());
                    }
                    action.block(clean.isEmpty() ? null : clean, clock.instant());
                    return new ActionResult.Blocked(action.info());
                })
                .orElseGet(() -> new ActionResult.NotFound(number));
    }

    /** How an action went, said between coaching sessions: what each answer records, as the action's history. */
    public enum FollowUp { DONE, PARTLY, NOT_YET, IN_THE_WAY }

    /**
     * Records how one of the person's own actions went (by its id, as the coaching cycle tags it): done completes it,
     * in the way marks it blocked (keeping any note), partly and not yet are events in its history. Empty when the
     * action is not theirs (or is gone).
     */
    @Transactional
    public java.util.Optional<ActionInfo> followUp(long participantId, long actionId, FollowUp how) {
        consent.lockForRecording(participantId);
        return actions.findById(actionId).filter(a -> a.getParticipantId() == participantId).map(action -> {
            java.time.Instant now = clock.instant();
            switch (how) {
                case DONE -> {
                    if (action.getStatus() != ActionItem.Status.DONE) {
                        action.complete(now);
                    }
                }
                case IN_THE_WAY -> action.block(action.getBlocker(), now);
                case PARTLY -> action.note(ActionEvent.Type.PARTLY, now);
                case NOT_YET -> action.note(ActionEvent.Type.NOT_YET, now);
            }
            return action.info();
        });
    }
}
