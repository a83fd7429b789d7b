package com.waymark.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.waymark.privacy.AuditLog;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.ReadKind;
import com.waymark.privacy.ReleaseLedger;
import com.waymark.privacy.Releases;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.stereotype.Service;

/**
 * What a coach sees of the cycle, session by session: the after-session pulse (three 1-5 items) and the commitments
 * made and how they went, as counts. Each session's figures are one cell under the one {@link ConfidentialityPolicy}:
 * counted over people other than the reader and the programme's staff, hidden below the threshold, released through
 * the programme's ledger over the session's own span (so a later read whose people differ by a handful is held back),
 * and every read audited. The trend between two sessions is shown only where the policy would show the change.
 */
@Service
public class SessionPulses {

    static final String PULSE = "session-pulse";
    static final String COMMITMENTS = "session-commitments";
    /** Below this the three items' mean is "steady": a quarter point is noise in a handful of answers. */
    static final double STEADY = 0.25;

    private final CycleSessionRepository sessions;
    private final SessionAnswerRepository answers;
    private final CommitmentRepository commitments;
    private final Programmes programmes;
    private final ReleaseLedger ledger;
    private final AuditLog audit;
    private final Clock clock;

    public SessionPulses(CycleSessionRepository sessions, SessionAnswerRepository answers,
                         CommitmentRepository commitments, Programmes programmes, ReleaseLedger ledger,
                         AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.answers = answers;
        this.commitments = commitments;
        this.programmes = programmes;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Direction { UP, DOWN, STEADY }

    /** A session's pulse: means from 1 to 5, or hidden ({@code shown} false, no figures). */
    public record SessionPulse(long sessionId, Instant startsAt, boolean shown, int people, double saidWhatIThought,
                               double workedOnWhatMattered, double leaveWithSomething, Direction trend) {
    }

    /**
     * Commitments made after a session and how they went, as counts (never names); hidden below the threshold. A
     * count of one kind ({@code nothingThisTime}, each {@code progress} value) is null where showing it would say
     * something of the few it leaves out: the people with and without that kind are each a part of a
     * {@link ConfidentialityPolicy#breakdown}, so "0 done" or "all 5 done" is hidden as "1 in the way" is.
     */
    public record SessionCommitments(long sessionId, Instant startsAt, boolean shown, int people, int made,
                                     Integer nothingThisTime, Map<Progress, Integer> progress) {
    }

    public record CycleReport(String programmeName, String timeZone, int threshold, List<SessionPulse> pulses,
                              List<SessionCommitments> commitments, int heldBack) {
    }

    /** Whether any session of the programme has ended: nothing to read (or audit) before then. */
    public boolean anyEnded(long programmeId) {
        return sessions.existsByProgrammeIdAndEndedAtIsNotNull(programmeId);
    }

    /** The coach's current programme, every ended session. */
    public CycleReport read(long coachId) {
        ProgrammeInfo programme = programmes.currentCoached(coachId);
        return read(coachId, programme, null);
    }

    /** One programme the reader coaches, ended sessions that started at or after {@code since} (null: all). */
    public CycleReport read(long coachId, long programmeId, Instant since) {
        return read(coachId, programmes.coached(coachId, programmeId), since);
    }

    private CycleReport read(long coachId, ProgrammeInfo programme, Instant since) {
        long programmeId = programme.id();
        Instant now = clock.instant();
        ConfidentialityPolicy policy = ConfidentialityPolicy.withThreshold(programme.thresholdAt(now));
        Set<Long> staff = programmes.staffIds(programmeId);
        List<CycleSession> ended = sessions.findByProgrammeIdAndEndedAtIsNotNullOrderByStartsAtAsc(programmeId).stream()
                .filter(s -> since == null || !s.getStartsAt().isBefore(since)).toList();
        if (ended.isEmpty()) {
            audit.record(coachId, ReadKind.SESSION_PULSE, programmeId, Set.of());
            return new CycleReport(programme.name(), programme.timeZone(), policy.threshold(), List.of(), List.of(), 0);
        }
        Map<Long, List<Commitment>> madeBySession = new HashMap<>();
        commitments.findByProgrammeId(programmeId).forEach(c ->
                madeBySession.computeIfAbsent(c.getSessionId(), k -> new ArrayList<>()).add(c));
        // The ledger over the sessions' own span: each session's figures are released over its start and end.
        Instant from = ended.get(0).getStartsAt();
        Instant to = ended.get(ended.size() - 1).getEndsAt();
        return ledger.read(programmeId, policy, from, to, releases -> {
            Set<Long> included = new HashSet<>();
            List<SessionPulse> pulses = new ArrayList<>();
            List<SessionCommitments> made = new ArrayList<>();
            SessionPulse previous = null;
            Set<Long> previousPeople = Set.of();
            for (CycleSession session : ended) {
                List<SessionAnswer> all = answers.findBySessionId(session.getSessionId());
                // Rule 1: never the reader, never the programme's staff (a coach who also answered counts for nobody).
                Set<Long> counted = ConfidentialityPolicy.contributors(
                        all.stream().map(SessionAnswer::getParticipantId).toList(), staff, coachId);
                List<SessionAnswer> pulsed = all.stream().filter(SessionAnswer::hasPulse)
                        .filter(a -> counted.contains(a.getParticipantId())).toList();
                SessionPulse pulse = pulse(session, pulsed, policy, releases, previous, previousPeople);
                pulses.add(pulse);
                if (pulse.shown()) {
                    included.addAll(people(pulsed));
                    previous = pulse;
                    previousPeople = people(pulsed);
                }
                List<SessionAnswer> answered = all.stream().filter(a -> counted.contains(a.getParticipantId())).toList();
                SessionCommitments kept = commitments(session, answered,
                        madeBySession.getOrDefault(session.getSessionId(), List.of()), policy, releases);
                made.add(kept);
                if (kept.shown()) {
                    included.addAll(people(answered));
                }
            }
            audit.record(coachId, ReadKind.SESSION_PULSE, programmeId, included);
            return new CycleReport(programme.name(), programme.timeZone(), policy.threshold(), pulses, made, releases.heldBack());
        });
    }

    private SessionPulse pulse(CycleSession session, List<SessionAnswer> pulsed, ConfidentialityPolicy policy,
                               Releases releases, SessionPulse previous, Set<Long> previousPeople) {
        Set<Long> people = people(pulsed);
        SessionPulse hidden = new SessionPulse(session.getSessionId(), session.getStartsAt(), false, 0, 0, 0, 0, null);
        if (!policy.cell(PULSE + " " + session.getSessionId(), people).shown()) {
            return hidden;
        }
        double said = pulsed.stream().mapToInt(a -> a.pulse().saidWhatIThought()).average().orElse(0);
        double worked = pulsed.stream().mapToInt(a -> a.pulse().workedOnWhatMattered()).average().orElse(0);
        double leave = pulsed.stream().mapToInt(a -> a.pulse().leaveWithSomething()).average().orElse(0);
        String value = String.format(Locale.ROOT, "%.2f/%.2f/%.2f", said, worked, leave);
        if (!releases.release(PULSE, session.getStartsAt(), session.getEndsAt(), fingerprints(pulsed), value)) {
            return hidden;
        }
        Direction trend = null;
        if (previous != null && policy.trend(previousPeople, people).change().shown()) {
            double change = (said + worked + leave) / 3 - (previous.saidWhatIThought()
                    + previous.workedOnWhatMattered() + previous.leaveWithSomething()) / 3;
            trend = Math.abs(change) < STEADY ? Direction.STEADY : change > 0 ? Direction.UP : Direction.DOWN;
        }
        return new SessionPulse(session.getSessionId(), session.getStartsAt(), true, people.size(), said, worked,
                leave, trend);
    }

    private SessionCommitments commitments(CycleSession session, List<SessionAnswer> answered, List<Commitment> made,
                                           ConfidentialityPolicy policy, Releases releases) {
        Set<Long> people = people(answered);
        SessionCommitments hidden = new SessionCommitments(session.getSessionId(), session.getStartsAt(), false, 0, 0,
                0, Map.of());
        if (!policy.cell(COMMITMENTS + " " + session.getSessionId(), people).shown()) {
            return hidden;
        }
        List<Commitment> counted = made.stream().filter(c -> people.contains(c.getParticipantId())).toList();
        Map<Progress, Integer> progress = new LinkedHashMap<>();
        for (Progress p : Progress.values()) {
            Set<Long> with = new HashSet<>();
            counted.stream().filter(c -> c.getProgress() == p).forEach(c -> with.add(c.getParticipantId()));
            int count = (int) counted.stream().filter(c -> c.getProgress() == p).count();
            progress.put(p, kindShown(policy, COMMITMENTS + " " + session.getSessionId() + " " + p, with, people)
                    ? count : null);
        }
        Set<Long> saidNothing = new HashSet<>();
        answered.stream().filter(SessionAnswer::isNothingThisTime).forEach(a -> saidNothing.add(a.getParticipantId()));
        Integer nothing = kindShown(policy, COMMITMENTS + " " + session.getSessionId() + " nothing", saidNothing,
                people) ? saidNothing.size() : null;
        // Each person's contribution: their answer and the state of each of their commitments.
        Map<Long, String> contributors = new HashMap<>();
        for (SessionAnswer a : answered) {
            List<String> records = new ArrayList<>(List.of("a" + a.getId()));
            counted.stream().filter(c -> c.getParticipantId().equals(a.getParticipantId()))
                    .forEach(c -> records.add("c" + c.getId() + ":" + c.getProgress()));
            contributors.put(a.getParticipantId(), Releases.fingerprint(records));
        }
        String value = counted.size() + "/" + nothing + "/" + progress.values();
        if (!releases.release(COMMITMENTS, session.getStartsAt(), session.getEndsAt(), contributors, value)) {
            return hidden;
        }
        return new SessionCommitments(session.getSessionId(), session.getStartsAt(), true, people.size(),
                counted.size(), nothing, progress);
    }

    /** Whether the people with a kind, beside the rest of those counted, may be shown as a count. */
    private static boolean kindShown(ConfidentialityPolicy policy, String key, Set<Long> with, Set<Long> everyone) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        parts.put(key, with.size());
        parts.put(key + " rest", everyone.size() - with.size());
        return policy.breakdown(key + " all", parts).part(key).shown();
    }

    private static Set<Long> people(List<SessionAnswer> answers) {
        Set<Long> people = new HashSet<>();
        answers.forEach(a -> people.add(a.getParticipantId()));
        return people;
    }

    private static Map<Long, String> fingerprints(List<SessionAnswer> answers) {
        Map<Long, String> contributors = new HashMap<>();
        answers.forEach(a -> contributors.put(a.getParticipantId(), Releases.fingerprint(List.of("a" + a.getId()))));
        return contributors;
    }
}
