package com.waymark.cycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waymark.checkin.ActionInfo;
import com.waymark.checkin.ActionPlanService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own commitments from their programme's last session, for a coach's question for the cohort that points
 * each member at theirs. Read only for the person themselves, to show in their own check-in: a coach never reads them
 * here (the coach sees the answers themed, like any reflection).
 */
@Service
public class OwnCommitments {

    private final CycleSessionRepository sessions;
    private final CommitmentRepository commitments;
    private final ActionPlanService actions;

    public OwnCommitments(CycleSessionRepository sessions, CommitmentRepository commitments,
                          ActionPlanService actions) {
        this.sessions = sessions;
        this.commitments = commitments;
        this.actions = actions;
    }

    /** One commitment in their own words, and how they said it went (null: not said yet). */
    public record Mine(String text, Progress progress) {
    }

    /**
     * Their commitments from the programme's most recent session that has ended, oldest first; none when they made
     * none then ("nothing this time", no answer yet, an action since deleted) or no session has ended.
     */
    @Transactional(readOnly = true)
    public List<Mine> fromLastSession(long participantId, long programmeId) {
        List<CycleSession> ended = sessions.findByProgrammeIdAndEndedAtIsNotNullOrderByStartsAtAsc(programmeId);
        if (ended.isEmpty()) {
            return List.of();
        }
        long last = ended.get(ended.size() - 1).getSessionId();
        List<Commitment> made = commitments.findByParticipantIdOrderByCreatedAtAscIdAsc(participantId).stream()
                .filter(c -> c.getSessionId() == last).toList();
        if (made.isEmpty()) {
            return List.of();
        }
        Map<Long, ActionInfo> plan = new HashMap<>();
        actions.list(participantId).forEach(a -> plan.put(a.id(), a));
        return made.stream().filter(c -> plan.containsKey(c.getActionId()))
                .map(c -> new Mine(plan.get(c.getActionId()).text(), c.getProgress())).toList();
    }
}
