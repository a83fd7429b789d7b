package com.waymark.diagnostic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.waymark.privacy.PrivacyNotice;
import com.waymark.diagnostic.DiagnosticQuestions.Question;
import com.waymark.outbox.OutboxService;
import com.waymark.privacy.ConsentRequired;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import com.waymark.schedule.ScheduleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagnostic before a programme's first session, for one person: offered once per programme, one question per
 * message, at their own pace. An answer (or a skip) moves them on and queues the next question for the next day,
 * which they may have at once; "later" asks the same question again the next day. Every write passes the consent
 * gate first and validates before it writes, so bad input stores nothing.
 */
@Service
public class DiagnosticService {

    /** As long as a check-in's reflection may be: room for a considered answer, not an essay. */
    public static final int MAX_ANSWER_CHARS = 2000;
    /** The next question, or one put off, comes a day later (on their own clock: quiet hours still apply). */
    static final Duration NEXT_DAY = Duration.ofDays(1);
    /** Agreeing to the notice offers the diagnostic of programmes joined this recently, not of long-running ones. */
    static final Duration OFFER_WITHIN = Duration.ofDays(14);
    static final String KEY_PREFIX = "diagnostic:d";

    /** Where a person stands after answering or skipping: the next question, or none when they have finished. */
    public record Progress(String programmeName, Asking next, int answered, int skipped, int threshold) {

        public boolean finished() {
            return next == null;
        }
    }

    private final DiagnosticRepository diagnostics;
    private final DiagnosticAnswerRepository answers;
    private final ConsentService consent;
    private final Programmes programmes;
    private final ScheduleService schedule;
    private final OutboxService outbox;
    private final Clock clock;

    public DiagnosticService(DiagnosticRepository diagnostics, DiagnosticAnswerRepository answers,
                             ConsentService consent, Programmes programmes, ScheduleService schedule,
                             OutboxService outbox, Clock clock) {
        this.diagnostics = diagnostics;
        this.answers = answers;
        this.consent = consent;
        this.programmes = programmes;
        this.schedule = schedule;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Offers the diagnostic of a programme to a member who has agreed to the notice and is not on its staff, once:
     * rejoining asks again only the question they were on, if they had not finished. Runs inside the enrolment's (or the consent's) transaction
     * and never fails it. Returns whether it was offered now.
     */
    @Transactional
    boolean offer(long participantId, long programmeId) {
        if (!consent.hasConsented(participantId) || programmes.staffIds(programmeId).contains(participantId)) {
            return false;
        }
        try {
            consent.lockForRecording(participantId);
        } catch (ConsentRequired withdrawnMeanwhile) {
            return false;
        }
        Instant now = clock.instant();
        Optional<Diagnostic> earlier = diagnostics.findByParticipantIdAndProgrammeId(participantId, programmeId);
        if (earlier.isPresent()) {
            // Back after leaving (which cancelled what was queued): the question they were on, not a new diagnostic.
            if (!earlier.get().finished()) {
                outbox.cancelPending(participantId, KEY_PREFIX + earlier.get().getId() + ":");
                queue(earlier.get(), now);
            }
            return false;
        }
        boolean late = schedule.lastSessionStartBefore(programmeId, now).isPresent();
        Diagnostic diagnostic = diagnostics.save(new Diagnostic(participantId, programmeId, late, now));
        queue(diagnostic, now);
        return true;
    }

    /** Their answer to the question they are on (the card's, or for a typed answer their oldest open one). */
    @Transactional
    public Progress answer(long participantId, Long diagnosticId, String questionId, String text, boolean quoteOk) {
        String answer = validate(text);
        consent.lockForRecording(participantId);
        Diagnostic diagnostic = onQuestion(participantId, diagnosticId, questionId);
        return record(diagnostic, answer, quoteOk);
    }

    /** "Skip this question": nothing is kept but the fact that it was skipped, and it is not asked again. */
    @Transactional
    public Progress skip(long participantId, Long diagnosticId, String questionId) {
        consent.lockForRecording(participantId);
        Diagnostic diagnostic = onQuestion(participantId, diagnosticId, questionId);
        return record(diagnostic, null, false);
    }

    /** "Later": the same question again tomorrow; nothing else changes. */
    @Transactional
    public Asking later(long participantId, Long diagnosticId, String questionId) {
        consent.lockForRecording(participantId);
        Diagnostic diagnostic = onQuestion(participantId, diagnosticId, questionId);
        Instant now = clock.instant();
        outbox.cancelPending(participantId, KEY_PREFIX + diagnostic.getId() + ":");
        queue(diagnostic, now.plus(NEXT_DAY));
        return asking(diagnostic);
    }

    /**
     * The question they are on now, asked for ("next question"): shown at once, so the one queued for it is not sent
     * as well. Empty when no diagnostic is waiting for them.
     */
    @Transactional
    public Optional<Asking> now(long participantId) {
        consent.lockForRecording(participantId);
        List<Diagnostic> open = diagnostics.open(participantId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Diagnostic diagnostic = open.get(0);
        outbox.cancelPending(participantId, KEY_PREFIX + diagnostic.getId() + ":");
        return Optional.of(asking(diagnostic));
    }

    /**
     * What a queued question asks, when it is due: empty when it no longer applies (answered meanwhile, finished,
     * erased, they left the programme or withdrew consent), so nothing is sent.
     */
    @Transactional(readOnly = true)
    public Optional<Asking> stillToAsk(long recipientId, DiagnosticQuestion payload) {
        return diagnostics.findById(payload.diagnosticId())
                .filter(d -> d.getParticipantId() == recipientId && !d.finished()
                        && d.getPosition() == payload.position())
                .filter(d -> consent.hasConsented(recipientId) && stillMember(recipientId, d.getProgrammeId()))
                .map(this::asking);
    }

    // ---- inside ----

    private Progress record(Diagnostic diagnostic, String answer, boolean quoteOk) {
        Instant now = clock.instant();
        Question question = DiagnosticQuestions.at(diagnostic.getPosition());
        answers.save(new DiagnosticAnswer(diagnostic.getId(), question.id(), answer, quoteOk, now));
        outbox.cancelPending(diagnostic.getParticipantId(), KEY_PREFIX + diagnostic.getId() + ":");
        boolean finished = diagnostic.moveOn(now);
        if (!finished) {
            queue(diagnostic, now.plus(NEXT_DAY));
        }
        List<DiagnosticAnswer> given = answers.findByDiagnosticIdInOrderByAnsweredAtAsc(List.of(diagnostic.getId()));
        int answered = (int) given.stream().filter(a -> a.getAnswer() != null).count();
        Optional<ProgrammeInfo> programme = programmes.find(diagnostic.getProgrammeId());
        return new Progress(programme.map(ProgrammeInfo::name).orElse("your programme"),
                finished ? null : asking(diagnostic), answered, given.size() - answered, threshold(programme));
    }

    private void queue(Diagnostic diagnostic, Instant notBefore) {
        // The time in the key lets a question put off ("later") be queued again; cancelled rows keep their keys.
        outbox.enqueue(KEY_PREFIX + diagnostic.getId() + ":q" + diagnostic.getPosition() + ":"
                        + notBefore.toEpochMilli(), diagnostic.getParticipantId(),
                new DiagnosticQuestion(diagnostic.getId(), diagnostic.getProgrammeId(), diagnostic.getPosition()),
                notBefore);
    }

    /**
     * The diagnostic a card (or a typed answer) is about, on the question it names. Another person's id, an unknown
     * one and a finished diagnostic get the same answer; a card for a question already answered says so.
     */
    private Diagnostic onQuestion(long participantId, Long diagnosticId, String questionId) {
        Optional<Diagnostic> found = diagnosticId == null ? diagnostics.open(participantId).stream().findFirst()
                : diagnostics.findById(diagnosticId).filter(d -> d.getParticipantId() == participantId
                && !d.finished());
        Diagnostic diagnostic = found.orElseThrow(() -> new DiagnosticProblem(
                "There's no question from me waiting for you just now, so nothing was saved."));
        if (questionId != null && !questionId.equals(DiagnosticQuestions.at(diagnostic.getPosition()).id())) {
            throw new DiagnosticProblem("You've already answered that question, so I've left your answer as it was. "
                    + "Say \"next question\" to see the one you're on.");
        }
        return diagnostic;
    }

    private static String validate(String text) {
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty()) {
            throw new DiagnosticProblem("Your answer was empty, so nothing was saved. Type a few words, for example "
                    + "\"my answer: our joint discharge work with the council is going well\", or choose "
                    + "\"Skip this one\".");
        }
        if (answer.length() > MAX_ANSWER_CHARS) {
            throw new DiagnosticProblem("Your answer is " + answer.length() + " characters, more than the "
                    + MAX_ANSWER_CHARS + " I can keep. Could you shorten it a little? Nothing has been saved yet.");
        }
        return answer;
    }

    private Asking asking(Diagnostic diagnostic) {
        Optional<ProgrammeInfo> programme = programmes.find(diagnostic.getProgrammeId());
        return new Asking(diagnostic.getId(), diagnostic.getProgrammeId(),
                programme.map(ProgrammeInfo::name).orElse("your programme"), diagnostic.getPosition(),
                DiagnosticQuestions.at(diagnostic.getPosition()), diagnostic.isAfterFirstSession(),
                threshold(programme));
    }

    /** The threshold every coach's figure uses now ({@code ProgrammeInfo.thresholdAt}), as a person is told it. */
    private int threshold(Optional<ProgrammeInfo> programme) {
        return programme.map(p -> p.thresholdAt(clock.instant())).orElse(PrivacyNotice.DEFAULT_THRESHOLD);
    }

    private boolean stillMember(long participantId, long programmeId) {
        return programmes.of(participantId).stream().anyMatch(p -> p.programme().id() == programmeId
                && p.membership() != null && p.membership().isActive());
    }
}
