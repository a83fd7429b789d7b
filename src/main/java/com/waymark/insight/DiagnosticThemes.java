package com.waymark.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.waymark.care.CrisisSignals;
import com.waymark.checkin.TeamCheckIns.Reflection;
import com.waymark.diagnostic.DiagnosticAnswers;
import com.waymark.diagnostic.DiagnosticAnswers.Answered;
import com.waymark.diagnostic.DiagnosticQuestions;
import com.waymark.insight.themes.Theme;
import com.waymark.privacy.AuditLog;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.ReadKind;
import com.waymark.privacy.ReleaseLedger;
import com.waymark.privacy.Releases;
import org.springframework.stereotype.Component;

/**
 * The diagnostic's figures for a coach: how many answered, and each question's answers themed by the programme's
 * theme pipeline (answers are reflections for this purpose), released cell by cell through the policy (people
 * counted: the scope's cohort, never staff nor the reader), then through the release ledger, and audited.
 * <p>
 * The diagnostic is one span of time however late it is read, so its figures sit in the ledger over one fixed span
 * of their own ({@link #SPAN_FROM}, {@link #SPAN_TO}, long past): every read of them overlaps every other, so a
 * second read whose people differ by fewer than the threshold is held back whenever it comes, and no read of the
 * check-ins' periods loads them. The answers are clustered on each read (a few per person): nothing is stored.
 */
@Component
class DiagnosticThemes {

    static final Instant SPAN_FROM = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant SPAN_TO = Instant.parse("2000-01-02T00:00:00Z");

    private final DiagnosticAnswers answers;
    private final ProgrammeThemes pipelines;
    private final ReflectionEmbeddings embeddings;
    private final ReleaseLedger ledger;
    private final AuditLog audit;

    DiagnosticThemes(DiagnosticAnswers answers, ProgrammeThemes pipelines, ReflectionEmbeddings embeddings,
                     ReleaseLedger ledger, AuditLog audit) {
        this.answers = answers;
        this.pipelines = pipelines;
        this.embeddings = embeddings;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** The section and the taxonomy ids of the themes it showed (for the coach's questions). */
    record Read(DiagnosticDigest digest, List<String> taxonomyIds) {
    }

    /** Reads, releases and audits the diagnostic of this scope for {@code coachId}. */
    Read read(long coachId, InsightScope scope) {
        DiagnosticAnswers.ProgrammeAnswers all = answers.of(scope.programmeId());
        return ledger.read(scope.programmeId(), scope.policy(), SPAN_FROM, SPAN_TO, releases -> {
            Set<Long> included = new HashSet<>();
            List<String> taxonomyIds = new ArrayList<>();
            boolean quoted = false;
            ConfidentialityPolicy policy = scope.policy();
            List<Answered> mine = all.answers().stream().filter(a -> scope.cohort().contains(a.participantId()))
                    .toList();
            Set<Long> programmeWide = all.answers().stream().map(Answered::participantId)
                    .filter(scope.groupOf()::containsKey).collect(Collectors.toSet());
            Set<Long> answeredPeople = people(mine);
            Integer answered = null;
            if (policy.responded("diagnostic answered", answeredPeople).shown() && scope.releasable(programmeWide)
                    && releases.release(scope.measure("diagnostic answered"), SPAN_FROM, SPAN_TO, contributions(mine),
                    "answered " + answeredPeople.size())) {
                answered = answeredPeople.size();
                included.addAll(answeredPeople);
            }
            List<DiagnosticDigest.QuestionThemes> questions = new ArrayList<>();
            // Every answer that may be themed, embedded in one batch the first time a question is shown.
            Map<Long, float[]> vectors = new java.util.HashMap<>();
            for (DiagnosticQuestions.Question question : DiagnosticQuestions.all()) {
                List<Answered> rows = mine.stream().filter(a -> a.questionId().equals(question.id())).toList();
                Set<Long> writers = people(rows);
                Set<Long> writersProgrammeWide = all.answers().stream()
                        .filter(a -> a.questionId().equals(question.id())).map(Answered::participantId)
                        .filter(scope.groupOf()::containsKey).collect(Collectors.toSet());
                if (!policy.cell("diagnostic " + question.id(), writers).shown()
                        || !scope.releasable(writersProgrammeWide)
                        || !releases.release(scope.measure("diagnostic " + question.id()), SPAN_FROM, SPAN_TO,
                        contributions(rows), "people " + writers.size())) {
                    questions.add(new DiagnosticDigest.QuestionThemes(question.text(), null, List.of(), 0));
                    continue;
                }
                included.addAll(writers);
                List<DiagnosticDigest.Theme> shown = new ArrayList<>();
                int small = 0;
                if (vectors.isEmpty()) {
                    List<float[]> embedded = embeddings.embed(mine.stream().map(Answered::text).toList());
                    for (int i = 0; i < mine.size(); i++) {
                        vectors.put(mine.get(i).answerId(), embedded.get(i));
                    }
                }
                for (Theme theme : pipelines.pipeline(scope.programmeId()).run(rows.stream().map(Answered::text)
                        .toList(), rows.stream().map(a -> vectors.get(a.answerId())).toList(),
                        java.util.OptionalInt.empty())) {
                    List<Answered> members = theme.members().stream().map(rows::get).toList();
                    Set<Long> sharing = people(members);
                    String key = theme.taxonomyId() != null ? theme.taxonomyId()
                            : "terms:" + String.join("|", theme.topTerms().subList(0,
                            Math.min(3, theme.topTerms().size())));
                    if (!policy.cell("theme", sharing).shown() || !releases.release(
                            scope.measure("diagnostic " + question.id() + " theme " + key), SPAN_FROM, SPAN_TO,
                            contributions(members), "people " + sharing.size())) {
                        small++;
                        continue;
                    }
                    List<Reflection> asReflections = members.stream().map(a -> new Reflection(a.answerId(),
                            a.participantId(), a.text(), a.quoteOk(), a.at())).toList();
                    List<String> terms = ThemeTerms.shown(theme.topTerms(), asReflections, policy);
                    List<String> quotes = policy.quotable(members.stream().map(a ->
                                    new ConfidentialityPolicy.QuoteCandidate(a.participantId(), a.quoteOk(), a.text()))
                                    .toList()).stream().filter(q -> !CrisisSignals.in(q)).map(TeamThemes::trim)
                            .distinct().limit(TeamThemes.QUOTES_PER_THEME).toList();
                    quoted |= !quotes.isEmpty();
                    shown.add(new DiagnosticDigest.Theme(name(theme, terms), sharing.size(), terms, quotes));
                    if (theme.taxonomyId() != null) {
                        taxonomyIds.add(theme.taxonomyId());
                    }
                }
                shown.sort(Comparator.comparingInt(DiagnosticDigest.Theme::people).reversed());
                questions.add(new DiagnosticDigest.QuestionThemes(question.text(), writers.size(), shown, small));
            }
            // Every read is recorded, even one that showed nobody's answers: the coach is told it is.
            audit.record(coachId, ReadKind.DIAGNOSTIC, scope.programmeId(), included);
            if (quoted) {
                audit.record(coachId, ReadKind.QUOTES, scope.programmeId(), included);
            }
            int offered = (int) all.offered().stream().filter(scope.cohort()::contains).count();
            return new Read(new DiagnosticDigest(policy.threshold(), offered, answered, questions,
                    releases.heldBack()), taxonomyIds);
        });
    }

    private static String name(Theme theme, List<String> shownTerms) {
        if (theme.name() != null) {
            return theme.name();
        }
        List<String> terms = shownTerms.subList(0, Math.min(3, shownTerms.size()));
        return terms.isEmpty() ? "Other" : "About " + String.join(", ", terms);
    }

    private static Set<Long> people(List<Answered> rows) {
        return rows.stream().map(Answered::participantId).collect(Collectors.toSet());
    }

    /** Each person's answers by id and time: an answer added (or erased) changes their fingerprint. */
    private static Map<Long, String> contributions(List<Answered> rows) {
        return TeamFigures.contributions(rows, Answered::participantId, a -> a.answerId() + "@" + a.at());
    }
}
