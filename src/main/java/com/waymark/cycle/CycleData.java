package com.waymark.cycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.waymark.checkin.ActionPlanService;
import com.waymark.privacy.EncryptedColumn;
import com.waymark.privacy.EncryptedColumns;
import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's share of the cycle: their after-session answers (pulse and word) and commitments (which action, how it
 * went; the action's words are in their action plan's section). Exported in "my data", erased by "delete my data",
 * and erased with the programme at retention. The word is encrypted at rest.
 */
@Component
class CycleData implements PersonalDataHolder, ProgrammeDataHolder, EncryptedColumns {

    static final EncryptedColumn WORD = EncryptedColumn.text("cycle_answer", "word");

    record Answer(Instant sessionStartedAt, Instant answeredAt, boolean nothingThisTime, Integer saidWhatIThought,
                  Integer workedOnWhatMattered, Integer leaveWithSomething, String word) {
    }

    /** {@code action}: its number in their action plan (the "actions" section), as they see it. */
    record Tried(Instant sessionStartedAt, Integer action, Instant madeAt, Progress progress, Instant progressAt) {
    }

    private final SessionAnswerRepository answers;
    private final CommitmentRepository commitments;
    private final CycleSessionRepository sessions;
    private final ActionPlanService actions;

    CycleData(SessionAnswerRepository answers, CommitmentRepository commitments, CycleSessionRepository sessions,
              ActionPlanService actions) {
        this.actions = actions;
        this.answers = answers;
        this.commitments = commitments;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "coachingCycle";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> export(long participantId) {
        List<Answer> answered = answers.findByParticipantIdOrderByAnsweredAtAsc(participantId).stream().map(a -> {
            Pulse pulse = a.pulse();
            return new Answer(started(a.getSessionId()), a.getAnsweredAt(), a.isNothingThisTime(),
                    pulse == null ? null : pulse.saidWhatIThought(), pulse == null ? null : pulse.workedOnWhatMattered(),
                    pulse == null ? null : pulse.leaveWithSomething(), pulse == null ? null : pulse.word());
        }).toList();
        Map<Long, Integer> numbers = new java.util.HashMap<>();
        actions.list(participantId).forEach(a -> numbers.put(a.id(), a.number()));
        List<Tried> tried = commitments.findByParticipantIdOrderByCreatedAtAscIdAsc(participantId).stream()
                .map(c -> new Tried(started(c.getSessionId()), numbers.get(c.getActionId()), c.getCreatedAt(),
                        c.getProgress(), c.getProgressAt())).toList();
        return Map.of("afterSessionAnswers", answered, "commitments", tried);
    }

    /** Before the action plan goes (its holder erases actions; these rows point at them). */
    @Override
    @Transactional
    public int erase(long participantId) {
        return commitments.deleteByParticipant(participantId) + answers.deleteByParticipant(participantId);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public int eraseProgrammeData(long programmeId) {
        return commitments.deleteByProgramme(programmeId) + answers.deleteByProgramme(programmeId);
    }

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(WORD);
    }

    private Instant started(long sessionId) {
        return sessions.findById(sessionId).map(CycleSession::getStartsAt).orElse(null);
    }
}
