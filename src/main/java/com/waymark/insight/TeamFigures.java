package com.waymark.insight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import com.waymark.checkin.BlockerKind;
import com.waymark.checkin.TeamCheckIns.ActionState;
import com.waymark.checkin.TeamCheckIns.Rating;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.ConfidentialityPolicy.Breakdown;
import com.waymark.privacy.ConfidentialityPolicy.Cell;
import com.waymark.privacy.ConfidentialityPolicy.PeriodComparison;
import com.waymark.privacy.Releases;

/**
 * The numbers of a team report, computed from rows and released cell by cell through the programme's
 * {@link ConfidentialityPolicy}, then section by section through the programme's release ledger
 * ({@link Releases}). No database, no clock; each method also says whose data it showed, so that the read can
 * be audited with exactly those people.
 */
final class TeamFigures {

    /** A report and the people whose data it shows. */
    record Released<T>(T report, Set<Long> included) {
    }

    /** The longest trend line drawn: a quarter of weekly points. */
    static final int MAX_WEEKS = 13;

    private final InsightScope scope;
    private final ConfidentialityPolicy policy;
    private final Releases releases;

    TeamFigures(InsightScope scope, Releases releases) {
        this.scope = scope;
        this.policy = scope.policy();
        this.releases = releases;
    }

    /** Figures released against an empty ledger: what a first read would show. */
    TeamFigures(InsightScope scope) {
        this(scope, Releases.empty(scope.policy(), scope.period().to()));
    }

    /**
     * Viva Glint's rule for response rates: who checked in is a count released when at least threshold people
     * did, however many did not ("9 of 12 checked in"); nobody who did not is named. The same people make the
     * wellbeing section, so its "People" is released on the same test and never says what this one hides.
     */
    Released<ParticipationReport> participation(List<Rating> ratings) {
        List<Rating> current = inScope(ratings, scope.period());
        Set<Long> answered = people(current);
        int enrolled = scope.cohort().size();
        if (!policy.cell("enrolled", enrolled).shown() || !scope.releasable(scope.cohort())) {
            return new Released<>(new ParticipationReport(null, null, null, null), Set.of());
        }
        boolean shown = policy.responded("answered", answered).shown()
                && scope.releasable(people(inProgramme(ratings, scope.period())))
                && releases.release(scope.measure("participation"), scope.period().from(), scope.period().to(),
                contributions(current, TeamFigures::recordKey),
                "enrolled " + enrolled + "; answered " + answered.size() + "; check-ins " + current.size());
        if (!shown) {
            return new Released<>(new ParticipationReport(enrolled, null, null, null), scope.cohort());
        }
        return new Released<>(new ParticipationReport(enrolled, answered.size(), enrolled - answered.size(),
                current.size()), scope.cohort());
    }

    /**
     * @param notableFall the fall in mean wellbeing (on the 1–5 scale) that raises the team-level flag
     */
    Released<WellbeingReport> wellbeing(List<Rating> ratings, double notableFall) {
        List<Rating> current = inScope(ratings, scope.period());
        List<Rating> previous = inScope(ratings, scope.period().previous());
        Map<Long, Double> currentMeans = personMeans(current, Rating::wellbeing);
        PeriodComparison trend = policy.trend(people(previous), currentMeans.keySet());
        Set<Long> included = new HashSet<>();
        if (!trend.current().shown() || !scope.releasable(people(inProgramme(ratings, scope.period())))) {
            return new Released<>(new WellbeingReport(null, null, null, null, null, false, List.of(),
                    weeks(ratings, included)), included);
        }
        double mean = oneDecimal(mean(currentMeans));
        double energy = oneDecimal(mean(personMeans(current, Rating::energy)));
        Map<String, Integer> perBand = new LinkedHashMap<>();
        for (int band = 1; band <= 5; band++) {
            perBand.put(Integer.toString(band), 0);
        }
        currentMeans.values().forEach(m -> perBand.merge(Long.toString(Math.round(m)), 1, Integer::sum));
        List<WellbeingReport.Band> bands = policy.breakdown("wellbeing", perBand).parts().stream()
                .map(c -> new WellbeingReport.Band(Integer.parseInt(c.key()), c.shown() ? c.people() : null))
                .toList();
        if (!releases.release(scope.measure("wellbeing"), scope.period().from(), scope.period().to(),
                contributions(current, TeamFigures::recordKey), describe(currentMeans.size(), mean, energy, bands))) {
            return new Released<>(new WellbeingReport(null, null, null, null, null, false, List.of(),
                    weeks(ratings, included), true), included);
        }
        included.addAll(currentMeans.keySet());
        Double before = null;
        Double change = null;
        if (trend.change().shown()) {
            Map<Long, Double> previousMeans = personMeans(previous, Rating::wellbeing);
            double previousMean = oneDecimal(mean(previousMeans));
            InsightPeriod earlier = scope.period().previous();
            if (releases.release(scope.measure("wellbeing"), earlier.from(), earlier.to(),
                    contributions(previous, TeamFigures::recordKey), "mean " + previousMean)) {
                before = previousMean;
                change = oneDecimal(mean - before);
                included.addAll(previousMeans.keySet());
            }
        }
        List<WellbeingReport.Week> weeks = weeks(ratings, included);
        return new Released<>(new WellbeingReport(currentMeans.size(), mean, energy, before, change,
                change != null && change <= -notableFall, bands, weeks), included);
    }

    /**
     * Weekly means over the previous and current period, each a whole week (Monday to Monday in the programme's
     * zone, whatever the period's first day) and each a figure of its own: the same week always covers the
     * same days, and is released through the ledger like the period's mean, which it overlaps.
     */
    private List<WellbeingReport.Week> weeks(List<Rating> ratings, Set<Long> included) {
        LocalDate first = weekOf(scope.period().previous().from());
        LocalDate last = weekOf(scope.period().to().minusNanos(1));
        if (first.isBefore(last.minusWeeks(MAX_WEEKS - 1))) {
            first = last.minusWeeks(MAX_WEEKS - 1);
        }
        List<WellbeingReport.Week> weeks = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            InsightPeriod days = InsightPeriod.days(week, week.plusWeeks(1), scope.zone());
            List<Rating> list = inScope(ratings, days);
            Map<Long, Double> wellbeing = personMeans(list, Rating::wellbeing);
            double mean = oneDecimal(mean(wellbeing));
            double energy = oneDecimal(mean(personMeans(list, Rating::energy)));
            if (policy.cell("week", wellbeing.keySet()).shown()
                    && scope.releasable(people(inProgramme(ratings, days)))
                    && releases.release(scope.measure("wellbeing"), days.from(), days.to(),
                    contributions(list, TeamFigures::recordKey), "mean " + mean + "; energy " + energy)) {
                included.addAll(wellbeing.keySet());
                weeks.add(new WellbeingReport.Week(week, mean, energy));
            } else {
                weeks.add(new WellbeingReport.Week(week, null, null));
            }
        }
        return weeks;
    }

    /** The first Monday of the weekly trend line: the ratings read must reach back to it. */
    static Instant trendStart(InsightScope scope) {
        LocalDate monday = scope.period().previous().from().atZone(scope.zone()).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(scope.zone()).toInstant();
    }

    /**
     * Done, on track, at risk and added: each a count of actions released only when their owners are at
     * least threshold many. No total is shown, so a hidden count can't be recovered by subtraction. The counts
     * shown are one figure of the ledger, whose contributors are their owners.
     */
    Released<ActionReport> actions(List<ActionState> states, int atRiskDays) {
        List<ActionState> mine = states.stream().filter(a -> scope.groupOf().containsKey(a.participantId())).toList();
        Instant end = scope.period().to();
        Instant riskFrom = end.minus(java.time.Duration.ofDays(atRiskDays));
        Set<Long> owners = new HashSet<>();
        Predicate<ActionState> doneNow = a -> a.done() && a.completedAt() != null
                && scope.period().contains(a.completedAt());
        Predicate<ActionState> onTrackNow = a -> open(a, end) && !a.createdAt().isBefore(riskFrom);
        Predicate<ActionState> atRiskNow = a -> open(a, end) && a.createdAt().isBefore(riskFrom);
        Predicate<ActionState> addedNow = a -> scope.period().contains(a.createdAt());
        Integer done = count(mine, doneNow, owners);
        Integer onTrack = count(mine, onTrackNow, owners);
        Integer atRisk = count(mine, atRiskNow, owners);
        Integer added = count(mine, addedNow, owners);
        List<ActionReport.Blocker> blockers = new ArrayList<>();
        for (BlockerKind kind : BlockerKind.values()) {
            Integer held = count(mine, a -> open(a, end) && a.blockedBy() == kind, owners);
            if (held != null) {
                blockers.add(new ActionReport.Blocker(kind.label(), held));
            }
        }
        blockers.sort(Comparator.comparingInt(ActionReport.Blocker::actions).reversed());
        ActionReport report = new ActionReport(done, onTrack, atRisk, added, atRiskDays, blockers);
        // What each owner contributes in this period: each action and which counts it falls in.
        Function<ActionState, String> contribution = a -> a.createdAt() + (doneNow.test(a) ? " done" : "")
                + (onTrackNow.test(a) ? " on-track" : "") + (atRiskNow.test(a) ? " at-risk" : "")
                + (addedNow.test(a) ? " added" : "") + (open(a, end) && a.blockedBy() != null ? " " + a.blockedBy() : "");
        List<ActionState> counted = mine.stream().filter(a -> owners.contains(a.participantId())).toList();
        if (owners.isEmpty() || !releases.release(scope.measure("actions"), scope.period().from(),
                scope.period().to(), contributions(counted, ActionState::participantId, contribution),
                describe(report))) {
            return new Released<>(new ActionReport(null, null, null, null, atRiskDays, List.of()), Set.of());
        }
        return new Released<>(report, owners);
    }

    private static boolean open(ActionState action, Instant at) {
        return action.createdAt().isBefore(at) && (!action.done() || action.completedAt() == null
                || !action.completedAt().isBefore(at));
    }

    private Integer count(List<ActionState> actions, Predicate<ActionState> which, Set<Long> included) {
        List<ActionState> programmeWide = actions.stream().filter(which).toList();
        List<ActionState> matching = programmeWide.stream().filter(a -> scope.cohort().contains(a.participantId()))
                .toList();
        Set<Long> owners = matching.stream().map(ActionState::participantId).collect(Collectors.toSet());
        if (!policy.cell("actions", owners).shown() || !scope.releasable(programmeWide.stream()
                .map(ActionState::participantId).collect(Collectors.toSet()))) {
            return null;
        }
        included.addAll(owners);
        return matching.size();
    }

    private LocalDate weekOf(Instant at) {
        return at.atZone(scope.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private List<Rating> inScope(List<Rating> ratings, InsightPeriod period) {
        return ratings.stream().filter(r -> scope.cohort().contains(r.participantId()) && period.contains(r.at()))
                .toList();
    }

    /** Every countable member of the programme, whatever the scope: what group figures are checked against. */
    private List<Rating> inProgramme(List<Rating> ratings, InsightPeriod period) {
        return ratings.stream().filter(r -> scope.groupOf().containsKey(r.participantId()) && period.contains(r.at()))
                .toList();
    }

    private static String recordKey(Rating rating) {
        return rating.checkInId() + "@" + rating.at();
    }

    private static Map<Long, String> contributions(List<Rating> ratings, Function<Rating, String> key) {
        return contributions(ratings, Rating::participantId, key);
    }

    /** Each contributor and a fingerprint of the records they contributed. */
    static <T> Map<Long, String> contributions(List<T> records, Function<T, Long> person, Function<T, String> key) {
        return records.stream().collect(Collectors.groupingBy(person, Collectors.collectingAndThen(
                Collectors.mapping(key, Collectors.toList()), Releases::fingerprint)));
    }

    private static Set<Long> people(List<Rating> ratings) {
        return ratings.stream().map(Rating::participantId).collect(Collectors.toSet());
    }

    private static Map<Long, Double> personMeans(List<Rating> ratings, ToIntFunction<Rating> score) {
        return ratings.stream().collect(Collectors.groupingBy(Rating::participantId,
                TreeMap::new, Collectors.averagingInt(score)));
    }

    private static double mean(Map<Long, Double> personMeans) {
        return personMeans.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Means carry one decimal everywhere: a second would make an answer recoverable from a small change. */
    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String describe(int people, double mean, double energy, List<WellbeingReport.Band> bands) {
        return String.format(Locale.ROOT, "people %d; mean %.1f; energy %.1f; bands %s", people, mean, energy,
                bands.stream().map(b -> b.people() == null ? "hidden" : b.people().toString())
                        .collect(Collectors.joining(",")));
    }

    private static String describe(ActionReport report) {
        return "done " + report.done() + "; on track " + report.onTrack() + "; at risk " + report.atRisk()
                + "; added " + report.added() + "; blockers " + report.blockers().stream()
                .map(b -> b.kind() + " " + b.actions()).collect(Collectors.joining(", "));
    }
}
