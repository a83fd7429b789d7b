package com.waymark.insight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.waymark.checkin.TeamCheckIns.ActionState;
import com.waymark.checkin.TeamCheckIns.Rating;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.ConfidentialityPolicy.Breakdown;
import com.waymark.privacy.ConfidentialityPolicy.Cell;
import com.waymark.privacy.ConfidentialityPolicy.PeriodComparison;

/**
 * The numbers of a team report, computed from rows and released cell by cell through the programme's
 * {@link ConfidentialityPolicy}. Pure: no database, no clock; each method also says whose data it showed, so
 * that the read can be audited with exactly those people.
 */
final class TeamFigures {

    /** A report and the people whose data it shows. */
    record Released<T>(T report, Set<Long> included) {
    }

    /** The longest trend line drawn: a quarter of weekly points. */
    static final int MAX_WEEKS = 13;

    private final InsightScope scope;
    private final ConfidentialityPolicy policy;

    TeamFigures(InsightScope scope) {
        this.scope = scope;
        this.policy = scope.policy();
    }

    /**
     * Enrolled, answered and not answered form a total and its two parts, so the complementary rule applies:
     * "11 of 12 answered" would otherwise describe the one who didn't.
     */
    Released<ParticipationReport> participation(List<Rating> ratings) {
        List<Rating> current = inScope(ratings, scope.period());
        Set<Long> answered = people(current);
        Map<String, Integer> parts = new LinkedHashMap<>();
        parts.put("answered", answered.size());
        parts.put("not answered", scope.cohort().size() - answered.size());
        Breakdown breakdown = policy.breakdown("enrolled", parts);
        if (!breakdown.total().shown() || !scope.releasable(scope.cohort())) {
            return new Released<>(new ParticipationReport(null, null, null, null), Set.of());
        }
        boolean groupSafe = scope.releasable(people(inProgramme(ratings, scope.period())));
        Cell yes = groupSafe ? breakdown.part("answered") : hidden("answered");
        Cell no = groupSafe ? breakdown.part("not answered") : hidden("not answered");
        return new Released<>(new ParticipationReport(breakdown.total().people(), yes.shown() ? yes.people() : null,
                no.shown() ? no.people() : null, yes.shown() ? current.size() : null), scope.cohort());
    }

    /**
     * @param notableFall the fall in mean wellbeing (on the 1–5 scale) that raises the team-level flag
     */
    Released<WellbeingReport> wellbeing(List<Rating> ratings, double notableFall) {
        List<Rating> current = inScope(ratings, scope.period());
        List<Rating> previous = inScope(ratings, scope.period().previous());
        Map<Long, Double> currentMeans = personMeans(current, Rating::wellbeing);
        Set<Long> included = new HashSet<>();
        List<WellbeingReport.Week> weeks = weeks(ratings, included);
        PeriodComparison trend = policy.trend(people(previous), currentMeans.keySet());
        if (!trend.current().shown() || !scope.releasable(people(inProgramme(ratings, scope.period())))) {
            return new Released<>(new WellbeingReport(null, null, null, null, null, false, List.of(), weeks), included);
        }
        included.addAll(currentMeans.keySet());
        double mean = mean(currentMeans);
        double energy = mean(personMeans(current, Rating::energy));
        Double before = null;
        Double change = null;
        if (trend.change().shown()) {
            before = mean(personMeans(previous, Rating::wellbeing));
            change = mean - before;
            included.addAll(people(previous));
        }
        Map<String, Integer> perBand = new LinkedHashMap<>();
        for (int band = 1; band <= 5; band++) {
            perBand.put(Integer.toString(band), 0);
        }
        currentMeans.values().forEach(m -> perBand.merge(Long.toString(Math.round(m)), 1, Integer::sum));
        List<WellbeingReport.Band> bands = policy.breakdown("wellbeing", perBand).parts().stream()
                .map(c -> new WellbeingReport.Band(Integer.parseInt(c.key()), c.shown() ? c.people() : null))
                .toList();
        return new Released<>(new WellbeingReport(currentMeans.size(), mean, energy, before, change,
                change != null && change <= -notableFall, bands, weeks), included);
    }

    /** Weekly means over the previous and current period, each week a cell of its own. */
    private List<WellbeingReport.Week> weeks(List<Rating> ratings, Set<Long> included) {
        InsightPeriod span = new InsightPeriod(scope.period().previous().from(), scope.period().to());
        Map<LocalDate, List<Rating>> byWeek = new TreeMap<>();
        LocalDate first = weekOf(span.from());
        LocalDate last = weekOf(span.to().minusNanos(1));
        if (first.isBefore(last.minusWeeks(MAX_WEEKS - 1))) {
            first = last.minusWeeks(MAX_WEEKS - 1);
        }
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            byWeek.put(week, new ArrayList<>());
        }
        Map<LocalDate, Set<Long>> programmeWide = new TreeMap<>();
        for (Rating rating : inProgramme(ratings, span)) {
            LocalDate week = weekOf(rating.at());
            List<Rating> bucket = byWeek.get(week);
            if (bucket == null) {
                continue;
            }
            programmeWide.computeIfAbsent(week, w -> new HashSet<>()).add(rating.participantId());
            if (scope.cohort().contains(rating.participantId())) {
                bucket.add(rating);
            }
        }
        List<WellbeingReport.Week> weeks = new ArrayList<>();
        byWeek.forEach((week, list) -> {
            Map<Long, Double> wellbeing = personMeans(list, Rating::wellbeing);
            if (policy.cell("week", wellbeing.keySet()).shown()
                    && scope.releasable(programmeWide.getOrDefault(week, Set.of()))) {
                included.addAll(wellbeing.keySet());
                weeks.add(new WellbeingReport.Week(week, mean(wellbeing), mean(personMeans(list, Rating::energy))));
            } else {
                weeks.add(new WellbeingReport.Week(week, null, null));
            }
        });
        return weeks;
    }

    /**
     * Done, on track, at risk and added: each a count of actions released only when their owners are at
     * least threshold many. No total is shown, so a hidden count can't be recovered by subtraction.
     */
    Released<ActionReport> actions(List<ActionState> states, int atRiskDays) {
        List<ActionState> mine = states.stream().filter(a -> scope.groupOf().containsKey(a.participantId())).toList();
        Instant end = scope.period().to();
        Instant riskFrom = end.minus(java.time.Duration.ofDays(atRiskDays));
        Set<Long> included = new HashSet<>();
        Integer done = count(mine, a -> a.done() && a.completedAt() != null && scope.period().contains(a.completedAt()),
                included);
        Integer onTrack = count(mine, a -> open(a, end) && !a.createdAt().isBefore(riskFrom), included);
        Integer atRisk = count(mine, a -> open(a, end) && a.createdAt().isBefore(riskFrom), included);
        Integer added = count(mine, a -> scope.period().contains(a.createdAt()), included);
        return new Released<>(new ActionReport(done, onTrack, atRisk, added, atRiskDays), included);
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

    /** Every active member of the programme, whatever the scope: what group figures are checked against. */
    private List<Rating> inProgramme(List<Rating> ratings, InsightPeriod period) {
        return ratings.stream().filter(r -> scope.groupOf().containsKey(r.participantId()) && period.contains(r.at()))
                .toList();
    }

    private static Cell hidden(String key) {
        return new Cell(key, 0, ConfidentialityPolicy.Reason.COMPLEMENTARY);
    }

    private static Set<Long> people(List<Rating> ratings) {
        return ratings.stream().map(Rating::participantId).collect(Collectors.toSet());
    }

    private static Map<Long, Double> personMeans(List<Rating> ratings, java.util.function.ToIntFunction<Rating> score) {
        return ratings.stream().collect(Collectors.groupingBy(Rating::participantId,
                Collectors.averagingInt(score)));
    }

    private static double mean(Map<Long, Double> personMeans) {
        return personMeans.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
