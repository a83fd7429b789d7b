package com.waymark.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.waymark.privacy.PrivacyNotice;
import com.waymark.checkin.ActionInfo;
import com.waymark.checkin.ActionPlanService;
import com.waymark.checkin.ActionResult;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's side of the cycle: the after-session card (what they will try, each commitment an action in their
 * own plan tagged with the session; "nothing this time"; the pulse), and between sessions how each commitment went.
 */
@Service
public class AfterSessions {

    public static final int MAX_COMMITMENTS = 3;

    private final CycleSessionRepository sessions;
    private final SessionAnswerRepository answers;
    private final CommitmentRepository commitments;
    private final ActionPlanService actions;
    private final Programmes programmes;
    private final ConsentService consent;
    private final CycleSettings settings;
    private final Clock clock;

    public AfterSessions(CycleSessionRepository sessions, SessionAnswerRepository answers,
                         CommitmentRepository commitments, ActionPlanService actions,
                         Programmes programmes, ConsentService consent, CycleSettings settings, Clock clock) {
        this.sessions = sessions;
        this.answers = answers;
        this.commitments = commitments;
        this.actions = actions;
        this.programmes = programmes;
        this.consent = consent;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the after-session card needs: the session and programme (a team session asks for the pulse too). */
    public record Invitation(long sessionId, long programmeId, String programmeName, String timeZone,
                             Instant startsAt, boolean teamSession) {
    }

    /** What was stored: the numbers of the new actions in their plan (none for "nothing this time"). */
    public record Answered(List<Integer> actionNumbers, boolean pulse) {
    }

    /** A commitment still open: its action's number and text (their own words, shown only to them). */
    public record OpenCommitment(long actionId, int number, String text, Instant sessionStartedAt) {
    }

    /**
     * The card for this person and session, or empty when it no longer applies: the session is not theirs (not an
     * active member, or staff), has not ended, or they have answered.
     */
    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(long participantId, long sessionId) {
        return sessions.findById(sessionId).filter(s -> s.getEndedAt() != null)
                .filter(s -> isParticipant(participantId, s.getProgrammeId()))
                .filter(s -> !answers.existsBySessionIdAndParticipantId(sessionId, participantId))
                .flatMap(s -> programmes.find(s.getProgrammeId()).map(p -> new Invitation(sessionId, p.id(),
                        p.name(), p.timeZone(), s.getStartsAt(), true)));
    }

    /**
     * Stores their answer once: one to three commitments (each an action in their plan, tagged with the session), or
     * "nothing this time"; and the pulse when given. Everything is checked before anything is written.
     */
    @Transactional
    public Answered answer(long participantId, long sessionId, boolean nothingThisTime, List<String> tries,
                           Pulse pulse) {
        consent.lockForRecording(participantId);
        CycleSession session = sessions.findById(sessionId)
                .filter(s -> isParticipant(participantId, s.getProgrammeId()))
                .orElseThrow(() -> new CycleProblem("That card is not for a session of yours, so nothing was saved."));
        if (session.getEndedAt() == null) {
            throw new CycleProblem("That session hasn't ended yet, so nothing was saved.");
        }
        if (answers.existsBySessionIdAndParticipantId(sessionId, participantId)) {
            throw new CycleProblem("You've already answered for this session, so nothing more was saved. "
                    + "Say \"my actions\" to see your plan.");
        }
        List<String> clean = tries == null ? List.of() : tries.stream().filter(t -> t != null && !t.isBlank())
                .map(String::strip).toList();
        if (clean.size() > MAX_COMMITMENTS) {
            throw new CycleProblem("One to three things is plenty. Nothing has been saved.");
        }
        if (!nothingThisTime && clean.isEmpty()) {
            throw new CycleProblem("Write one to three things you'll try before the next session, for example: "
                    + "Ask my deputy to chair Thursday's huddle. Or press \"Nothing this time\": that's fine too.");
        }
        Pulse checked = check(pulse);
        List<Integer> numbers = new ArrayList<>();
        Instant now = clock.instant();
        if (!nothingThisTime) {
            for (String text : clean) {
                ActionResult result = actions.add(participantId, text);
                if (!(result instanceof ActionResult.Added added)) {
                    // Rolls back the actions added before it: nothing is half-written.
                    throw new CycleProblem(result instanceof ActionResult.Rejected rejected ? rejected.problem()
                            : "That couldn't be saved. Nothing has been saved.");
                }
                ActionInfo action = added.action();
                commitments.save(new Commitment(sessionId, session.getProgrammeId(), participantId, action.id(),
                        now));
                numbers.add(action.number());
            }
        }
        answers.save(new SessionAnswer(sessionId, session.getProgrammeId(), participantId, now,
                nothingThisTime || clean.isEmpty(), checked));
        return new Answered(List.copyOf(numbers), checked != null);
    }

    /** Their commitments not yet done: what the next check-in asks about. Read only for the person themselves. */
    @Transactional(readOnly = true)
    public List<OpenCommitment> open(long participantId) {
        List<Commitment> mine = commitments.findByParticipantIdOrderByCreatedAtAscIdAsc(participantId).stream()
                .filter(c -> c.getProgress() != Progress.DONE).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        Map<Long, ActionInfo> plan = new java.util.HashMap<>();
        actions.list(participantId).forEach(a -> plan.put(a.id(), a));
        List<OpenCommitment> open = new ArrayList<>();
        for (Commitment c : mine) {
            ActionInfo action = plan.get(c.getActionId());
            if (action != null && !action.done()) {
                Instant started = sessions.findById(c.getSessionId()).map(CycleSession::getStartsAt).orElse(null);
                open.add(new OpenCommitment(action.id(), action.number(), action.text(), started));
            }
        }
        return open;
    }

    /**
     * How their commitments went, by action id: each recorded as an event in the action's history and on the
     * commitment. An id that is not one of their commitments is refused like one that does not exist.
     */
    @Transactional
    public int progress(long participantId, Map<Long, Progress> how) {
        consent.lockForRecording(participantId);
        Map<Long, Commitment> mine = new java.util.HashMap<>();
        commitments.findByParticipantIdOrderByCreatedAtAscIdAsc(participantId).forEach(c -> mine.put(c.getActionId(), c));
        if (!mine.keySet().containsAll(how.keySet())) {
            throw new CycleProblem("That isn't one of your commitments, so nothing was saved.");
        }
        Instant now = clock.instant();
        how.forEach((actionId, progress) -> {
            actions.followUp(participantId, actionId, ActionPlanService.FollowUp.valueOf(progress.name()));
            mine.get(actionId).progressed(progress, now);
        });
        return how.size();
    }

    private Pulse check(Pulse pulse) {
        if (pulse == null) {
            return null;
        }
        for (int score : new int[] {pulse.saidWhatIThought(), pulse.workedOnWhatMattered(),
                pulse.leaveWithSomething()}) {
            if (score < 1 || score > 5) {
                throw new CycleProblem("Each of the three answers is from 1 to 5. Nothing has been saved.");
            }
        }
        String word = pulse.word() == null || pulse.word().isBlank() ? null : pulse.word().strip();
        if (word != null && word.length() > settings.maxWordChars()) {
            throw new CycleProblem("Your word is longer than " + settings.maxWordChars()
                    + " characters; a line is enough. Nothing has been saved.");
        }
        return new Pulse(pulse.saidWhatIThought(), pulse.workedOnWhatMattered(), pulse.leaveWithSomething(), word);
    }

    private boolean isParticipant(long participantId, long programmeId) {
        return programmes.activeMemberGroups(programmeId).containsKey(participantId)
                && !programmes.staffIds(programmeId).contains(participantId);
    }

    /** The programme's threshold now: what the card promises about who sees the pulse. */
    @Transactional(readOnly = true)
    public int threshold(long programmeId) {
        // A lowering already announced counts: answers given now may be read after it.
        return programmes.find(programmeId).map(p -> ConfidentialityPolicy.withThreshold(
                Math.min(p.thresholdAt(clock.instant()), p.thresholdAt(Instant.MAX))).threshold())
                .orElse(PrivacyNotice.DEFAULT_THRESHOLD);
    }
}
