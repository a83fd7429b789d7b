package com.waymark.checkin;

import java.time.Instant;
import java.util.List;

import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.stereotype.Component;

/** The person's action plan, each action with its full history. */
@Component
class ActionPlanData implements PersonalDataHolder, ProgrammeDataHolder {

    record Change(ActionEvent.Type type, Instant at) {
    }

    record Action(int number, String text, ActionItem.Status status, Instant createdAt, Instant completedAt,
                  String inTheWay, Instant inTheWaySince, List<Change> history) {
    }

    private final ActionItemRepository actions;

    ActionPlanData(ActionItemRepository actions) {
        this.actions = actions;
    }

    @Override
    public String name() {
        return "actions";
    }

    @Override
    public List<Action> export(long participantId) {
        return actions.findByParticipantIdOrderByNumberAsc(participantId).stream()
                .map(a -> new Action(a.getNumber(), a.getText(), a.getStatus(), a.getCreatedAt(), a.getCompletedAt(),
                        a.getBlocker(), a.getBlockedAt(), a.getHistory().stream().map(e -> new Change(e.getType(), e.getAt())).toList()))
                .toList();
    }

    /** Loaded rather than bulk-deleted so the history goes with each action (cascade), counted as it goes. */
    @Override
    public int erase(long participantId) {
        List<ActionItem> plan = actions.findByParticipantIdOrderByNumberAsc(participantId);
        int rows = plan.stream().mapToInt(a -> 1 + a.getHistory().size()).sum();
        actions.deleteAll(plan);
        actions.flush();
        return rows;
    }

    /** An action plan belongs to the person, not to one programme: none of its rows says which programme. */
    @Override
    public int eraseProgrammeData(long programmeId) {
        return 0;
    }

    /** The plan goes with the last programme the person was kept in, as their own erasure takes it. */
    @Override
    public int eraseAfterLastProgramme(long participantId) {
        return erase(participantId);
    }
}
