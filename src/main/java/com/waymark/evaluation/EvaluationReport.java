package com.waymark.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waymark.privacy.AuditLog;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.FieldCipher;
import com.waymark.privacy.ReadKind;
import com.waymark.privacy.ReleaseLedger;
import com.waymark.privacy.Releases;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a programme's coaches may see of its evaluation and outcome measure ({@code evaluation results}), and the
 * public way for another module (the commissioners' impact report) to have the same released figures. Every figure
 * is a cell of the programme's {@link ConfidentialityPolicy} over the people it is made from (never its staff or the
 * reader), then a figure of its release ledger (so two reads around one more answer can't be subtracted); the read
 * is audited with the people of the figures shown.
 */
@Service
public class EvaluationReport {

    /** Every evaluation figure covers the whole programme: the same period for every read, as peer coaching's do. */
    private static final Instant ALL_TIME_FROM = Instant.EPOCH;
    private static final Instant ALL_TIME_TO = Instant.parse("3000-01-01T00:00:00Z");

    private record Response(long id, long participantId, int recommend, String mostUseful, String wouldChange,
                            boolean quoteOk, Instant answeredAt, Map<String, Integer> ratings) {
    }

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final Programmes programmes;
    private final EvaluationService evaluations;
    private final OutcomeMeasureService outcomes;
    private final ReleaseLedger ledger;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationReport(JdbcTemplate jdbc, FieldCipher cipher, Programmes programmes, EvaluationService evaluations,
                     OutcomeMeasureService outcomes, ReleaseLedger ledger, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.programmes = programmes;
        this.evaluations = evaluations;
        this.outcomes = outcomes;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a read releases: the coach's card reads both; the impact report reads each for its own section. */
    enum Part { RATINGS, OUTCOME }

    /** The coach's read. Not one transaction: the ledger's figures are kept before the next read of it runs. */
    public EvaluationResults results(long coachId, long programmeId) {
        return results(coachId, programmeId, Set.of(Part.RATINGS, Part.OUTCOME));
    }

    /**
     * Only some parts, the same figures as {@link #results(long, long)} gives for them: a part not asked for is not
     * released nor audited (its figures read as hidden, its lists empty). The impact report places the outcome
     * measure by wellbeing and the ratings by peer coaching, and each read is audited with only its own people.
     */
    EvaluationResults results(long coachId, long programmeId, Set<Part> parts) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        ConfidentialityPolicy policy = ConfidentialityPolicy.withThreshold(programme.thresholdAt(clock.instant()));
        return ledger.read(programmeId, policy, ALL_TIME_FROM, ALL_TIME_TO,
                releases -> read(coachId, programme, parts, policy, releases));
    }

    private EvaluationResults read(long coachId, ProgrammeInfo programme, Set<Part> parts,
                                   ConfidentialityPolicy policy, Releases releases) {
        long programmeId = programme.id();
        Optional<EvaluationService.Round> round = evaluations.round(programmeId);
        Set<Long> staff = programmes.staffIds(programmeId);
        boolean ratings = parts.contains(Part.RATINGS);
        List<Response> all = ratings ? round.map(r -> responses(r.id())).orElse(List.of()) : List.of();
        Set<Long> countable = ConfidentialityPolicy.contributors(all.stream().map(Response::participantId).toList(),
                staff, coachId);
        List<Response> counted = all.stream().filter(r -> countable.contains(r.participantId())).toList();
        Set<Long> included = new HashSet<>();

        Integer responded = null;
        if (ratings && shown(policy, releases, "evaluation|responded", counted, Integer.toString(counted.size()))) {
            responded = counted.size();
            included.addAll(people(counted));
        }

        List<EvaluationResults.ElementResult> elements = new ArrayList<>();
        for (Element element : ratings ? evaluations.elements(programmeId) : List.<Element>of()) {
            List<Response> raters = counted.stream().filter(r -> r.ratings().containsKey(element.key())).toList();
            double mean = raters.stream().mapToInt(r -> r.ratings().get(element.key())).average().orElse(0);
            if (shown(policy, releases, "evaluation|" + element.key(), raters, oneDecimal(mean))) {
                Set<Long> good = raters.stream().filter(r -> r.ratings().get(element.key()) >= 4)
                        .map(Response::participantId).collect(Collectors.toSet());
                Integer goodOrExcellent = policy.share(element.key() + " good", good, people(raters))
                        ? good.size() : null;
                elements.add(new EvaluationResults.ElementResult(element.name(), round1(mean), raters.size(),
                        goodOrExcellent));
                included.addAll(people(raters));
            } else {
                elements.add(new EvaluationResults.ElementResult(element.name(), null, null, null));
            }
        }

        Double recommend = null;
        Integer recommendPeople = null;
        double recommendMean = counted.stream().mapToInt(Response::recommend).average().orElse(0);
        if (ratings && shown(policy, releases, "evaluation|recommend", counted, oneDecimal(recommendMean))) {
            recommend = round1(recommendMean);
            recommendPeople = counted.size();
            included.addAll(people(counted));
        }

        List<String> mostUseful = quotes(policy, releases, "evaluation|most useful", counted, Response::mostUseful,
                included);
        List<String> wouldChange = quotes(policy, releases, "evaluation|would change", counted,
                Response::wouldChange, included);

        EvaluationResults.OutcomeResult outcome = parts.contains(Part.OUTCOME)
                ? outcome(policy, releases, programmeId, staff, coachId, included)
                : new EvaluationResults.OutcomeResult(false, null, null, null, null, null);
        // Recorded even when every figure is hidden: the card says the read is in the audit, so it must be.
        audit.record(coachId, ReadKind.EVALUATION, programmeId, included);
        return new EvaluationResults(programmeId, programme.name(), policy.threshold(),
                round.map(EvaluationService.Round::sentAt).orElse(null),
                round.map(EvaluationService.Round::automatic).orElse(false), responded, List.copyOf(elements),
                recommend, recommendPeople, mostUseful, wouldChange, outcome, releases.heldBack());
    }

    /** A figure over these people: a cell of the policy, then released by the ledger. */
    private static boolean shown(ConfidentialityPolicy policy, Releases releases, String measure,
                                 List<Response> from, String value) {
        return policy.cell(measure, people(from)).shown() && releases.release(measure, ALL_TIME_FROM, ALL_TIME_TO,
                fingerprints(from), value);
    }

    /**
     * The open answers a coach may read: none unless at least the threshold of people answered the question (and the
     * ledger releases them), and then only those whose authors said yes, in an order that follows no person.
     */
    private static List<String> quotes(ConfidentialityPolicy policy, Releases releases, String measure,
                                       List<Response> counted, Function<Response, String> text, Set<Long> included) {
        List<Response> wrote = counted.stream().filter(r -> text.apply(r) != null && !text.apply(r).isBlank())
                .toList();
        if (!policy.cell(measure, people(wrote)).shown()) {
            return List.of();
        }
        List<String> quotes = new ArrayList<>(policy.quotable(wrote.stream()
                .map(r -> new ConfidentialityPolicy.QuoteCandidate(r.participantId(), r.quoteOk(), text.apply(r)))
                .toList()));
        if (quotes.isEmpty() || !releases.release(measure, ALL_TIME_FROM, ALL_TIME_TO, fingerprints(wrote),
                Integer.toString(quotes.size()))) {
            return List.of();
        }
        quotes.sort(String.CASE_INSENSITIVE_ORDER);
        included.addAll(people(wrote));
        return List.copyOf(quotes);
    }

    private EvaluationResults.OutcomeResult outcome(ConfidentialityPolicy policy, Releases releases, long programmeId,
                                                    Set<Long> staff, long coachId, Set<Long> included) {
        boolean enabled = outcomes.enabled(programmeId);
        List<OutcomeMeasureService.Scored> scored = outcomes.scored(programmeId);
        Set<Long> countable = ConfidentialityPolicy.contributors(scored.stream()
                .map(OutcomeMeasureService.Scored::participantId).toList(), staff, coachId);
        Map<Long, Map<OutcomeMeasure.Phase, OutcomeMeasureService.Scored>> byPerson = new HashMap<>();
        for (long person : countable) {
            Map<OutcomeMeasure.Phase, OutcomeMeasureService.Scored> phases = OutcomeMeasureService.byPhase(scored,
                    person);
            if (phases.size() == 2) {
                byPerson.put(person, phases);
            }
        }
        Map<Long, String> fingerprints = new HashMap<>();
        byPerson.forEach((person, phases) -> fingerprints.put(person, Releases.fingerprint(phases.values().stream()
                .map(s -> "outcome:" + s.id() + "@" + s.answeredAt()).toList())));
        double start = mean(byPerson.values(), OutcomeMeasure.Phase.START);
        double end = mean(byPerson.values(), OutcomeMeasure.Phase.END);
        if (!policy.cell("outcome", byPerson.keySet()).shown() || !releases.release("outcome|start and end",
                ALL_TIME_FROM, ALL_TIME_TO, fingerprints, oneDecimal(start) + "|" + oneDecimal(end))) {
            return new EvaluationResults.OutcomeResult(enabled, null, null, null, null, null);
        }
        included.addAll(byPerson.keySet());
        return new EvaluationResults.OutcomeResult(enabled, byPerson.size(), round1(start), round1(end),
                bands(policy, byPerson.values(), OutcomeMeasure.Phase.START),
                bands(policy, byPerson.values(), OutcomeMeasure.Phase.END));
    }

    private static double mean(Collection<Map<OutcomeMeasure.Phase, OutcomeMeasureService.Scored>> people,
                               OutcomeMeasure.Phase phase) {
        return people.stream().mapToDouble(p -> p.get(phase).score()).average().orElse(0);
    }

    /** Each person is in exactly one band, so the bands are a breakdown: a small band is hidden with its neighbour. */
    private static Map<OutcomeMeasure.Band, Integer> bands(ConfidentialityPolicy policy,
            Collection<Map<OutcomeMeasure.Phase, OutcomeMeasureService.Scored>> people, OutcomeMeasure.Phase phase) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OutcomeMeasure.Band band : OutcomeMeasure.Band.values()) {
            counts.put(band.name(), 0);
        }
        people.forEach(p -> counts.merge(OutcomeMeasure.band(p.get(phase).score()).name(), 1, Integer::sum));
        Map<OutcomeMeasure.Band, Integer> shown = new EnumMap<>(OutcomeMeasure.Band.class);
        for (ConfidentialityPolicy.Cell cell : policy.breakdown("bands", counts).parts()) {
            shown.put(OutcomeMeasure.Band.valueOf(cell.key()), cell.shown() ? cell.people() : null);
        }
        return shown;
    }

    private List<Response> responses(long roundId) {
        Map<Long, Map<String, Integer>> ratings = new HashMap<>();
        jdbc.query("select r.response_id, r.element_key, r.rating from evaluation_rating r join evaluation_response e "
                        + "on e.id = r.response_id where e.round_id = ?",
                rs -> {
                    ratings.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }, roundId);
        return jdbc.query("select id, participant_id, recommend, most_useful, would_change, quote_ok, answered_at "
                        + "from evaluation_response where round_id = ? order by id",
                (rs, i) -> new Response(rs.getLong(1), rs.getLong(2), rs.getInt(3), open(rs.getString(4)),
                        open(rs.getString(5)), rs.getBoolean(6), Rows.instant(rs.getObject(7, OffsetDateTime.class)),
                        Map.copyOf(ratings.getOrDefault(rs.getLong(1), Map.of()))), roundId);
    }

    private String open(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }

    private static Set<Long> people(List<Response> responses) {
        return responses.stream().map(Response::participantId).collect(Collectors.toSet());
    }

    /** Each person's answer as the ledger fingerprints it: answering again makes them a changed contributor. */
    private static Map<Long, String> fingerprints(List<Response> responses) {
        return responses.stream().collect(Collectors.toMap(Response::participantId,
                r -> Releases.fingerprint(List.of("evaluation:" + r.id() + "@" + r.answeredAt()))));
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
