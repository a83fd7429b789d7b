package com.waymark.cycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.waymark.checkin.PastEntries;
import com.waymark.privacy.ConsentService;
import com.waymark.schedule.PastCoachingSessions;
import com.waymark.schedule.SessionInfo;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cycle written as history, for seeding a sample programme (the {@code demo} profile): a session that took place
 * and ended, the after-session answers people gave (pulse and commitments) and how each commitment went, at the times
 * they happened. Schedule records the session ({@link PastCoachingSessions}) and the action plan the
 * actions commitments became ({@link PastEntries}); no card is queued, no end trigger scheduled: it is over. Each
 * person's consent is checked first, as for anything recorded about them.
 */
@Component
public class PastSessions {

    /** A session that started at {@code startsAt} and ended at {@code endedAt}, recorded by its coach. */
    public record PastSession(long programmeId, long coachId, Instant recordedAt, Instant startsAt, Instant endedAt,
                              List<PastAnswer> answers) {
    }

    /**
     * One person's after-session card, answered at {@code answeredAt}: the pulse (or null) and their commitments (none:
     * "nothing this time").
     */
    public record PastAnswer(long participantId, Instant answeredAt, Pulse pulse, List<PastCommitment> commitments) {
    }

    /**
     * A commitment, an action in their plan numbered {@code actionNumber} (after those they have), and how it went
     * by {@code progressAt} ({@code progress} null: not asked yet).
     */
    public record PastCommitment(int actionNumber, String text, Progress progress, Instant progressAt) {
    }

    private final PastCoachingSessions schedule;
    private final PastEntries actions;
    private final CycleSessionRepository sessions;
    private final SessionAnswerRepository answers;
    private final CommitmentRepository commitments;
    private final ConsentService consent;

    PastSessions(PastCoachingSessions schedule, PastEntries actions, CycleSessionRepository sessions,
                 SessionAnswerRepository answers, CommitmentRepository commitments, ConsentService consent) {
        this.schedule = schedule;
        this.actions = actions;
        this.sessions = sessions;
        this.answers = answers;
        this.commitments = commitments;
        this.consent = consent;
    }

    /** Writes the session, its end, answers and commitments inside the caller's transaction; returns its id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(PastSession past) {
        if (!past.endedAt().isAfter(past.startsAt())) {
            throw new IllegalArgumentException("A session ends after it starts");
        }
        past.answers().stream().map(PastAnswer::participantId).distinct().sorted()
                .forEach(consent::lockForRecording);
        SessionInfo session = schedule.record(past.programmeId(), past.coachId(), past.startsAt(),
                past.recordedAt());
        long id = session.id();
        sessions.save(new CycleSession(id, past.programmeId(), past.startsAt(), past.endedAt(), null));
        sessions.claimEnd(id, past.endedAt(), CycleSession.EndedBy.TIMER.name());
        for (PastAnswer answer : past.answers()) {
            answers.save(new SessionAnswer(id, past.programmeId(), answer.participantId(), answer.answeredAt(),
                    answer.commitments().isEmpty(), answer.pulse()));
            List<PastEntries.PastAction> made = new ArrayList<>();
            for (PastCommitment c : answer.commitments()) {
                made.add(new PastEntries.PastAction(answer.participantId(), c.actionNumber(), c.text(),
                        answer.answeredAt(), c.progress() == Progress.DONE ? c.progressAt() : null));
            }
            List<Long> actionIds = actions.actions(made);
            for (int i = 0; i < actionIds.size(); i++) {
                PastCommitment c = answer.commitments().get(i);
                Commitment commitment = new Commitment(id, past.programmeId(), answer.participantId(),
                        actionIds.get(i), answer.answeredAt());
                if (c.progress() != null) {
                    commitment.progressed(c.progress(), c.progressAt());
                }
                commitments.save(commitment);
            }
        }
        return id;
    }
}
