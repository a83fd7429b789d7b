package com.waymark.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import com.waymark.care.CrisisSignals;
import com.waymark.checkin.TeamCheckIns.Reflection;
import com.waymark.insight.themes.Theme;
import com.waymark.insight.themes.ThemePipeline;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.ConfidentialityPolicy.QuoteCandidate;
import com.waymark.privacy.Releases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Themes of a period's reflections, released through the confidentiality policy. The previous and current
 * periods are clustered together, so that a theme is the same theme in both and its direction (new, growing,
 * fading) is real rather than an artefact of two separate clusterings.
 */
@Component
class TeamThemes {

    /** Quotes shown per theme, and their length: enough to hear the voice, not enough to recognise the writer. */
    static final int QUOTES_PER_THEME = 2;
    static final int QUOTE_CHARS = 240;

    private final ProgrammeThemes pipelines;
    private final ReflectionEmbeddings embeddings;
    private final ThemeResults results;
    private final Timer computeTime;

    TeamThemes(ProgrammeThemes pipelines, ReflectionEmbeddings embeddings, ThemeResults results,
               MeterRegistry meters) {
        this.pipelines = pipelines;
        this.embeddings = embeddings;
        this.results = results;
        this.computeTime = Timer.builder("waymark.themes.compute").description("Time to find a period's themes")
                .register(meters);
    }

    /** The themes, and the taxonomy ids of those shown (largest first) for choosing coaching questions. */
    record Result(TeamFigures.Released<ThemeReport> released, List<String> shownTaxonomyIds) {
    }

    /** Themes released against an empty ledger: what a first read would show. */
    Result themes(InsightScope scope, List<Reflection> reflections) {
        return themes(scope, reflections, Releases.empty(scope.policy(), scope.period().to()));
    }

    /**
     * The number of reflections is one figure of the ledger, over their writers; each theme's people another,
     * over its writers. A figure the ledger holds back is left out (a theme then reads as one of the smaller).
     */
    Result themes(InsightScope scope, List<Reflection> reflections, Releases releases) {
        ConfidentialityPolicy policy = scope.policy();
        InsightPeriod current = scope.period();
        InsightPeriod previous = current.previous();
        List<Reflection> rows = rows(scope, reflections);
        Set<Long> writers = authors(rows, current);
        Set<Long> earlierWriters = authors(rows, previous);
        List<Reflection> currentRows = rows.stream().filter(r -> current.contains(r.at())).toList();
        if (!clustered(scope, reflections, rows)) {
            return new Result(new TeamFigures.Released<>(ThemeReport.none(), Set.of()), List.of());
        }
        if (!releases.release(scope.measure("reflections"), current.from(), current.to(), contributions(currentRows),
                "reflections " + currentRows.size())) {
            return new Result(new TeamFigures.Released<>(ThemeReport.heldBackByLedger(), Set.of()), List.of());
        }
        List<Theme> found = themesOf(scope.programmeId(), rows);
        List<ThemeReport.Line> shown = new ArrayList<>();
        List<String> taxonomyIds = new ArrayList<>();
        List<String> fading = new ArrayList<>();
        Set<Long> included = new HashSet<>(writers);
        int small = 0;
        for (Theme theme : found) {
            List<Reflection> members = theme.members().stream().map(rows::get).toList();
            Set<Long> now = authors(members, current);
            Set<Long> before = authors(members, previous);
            boolean shownBefore = policy.cell("theme", before).shown();
            List<Reflection> membersNow = members.stream().filter(r -> current.contains(r.at())).toList();
            if (!policy.cell("theme", now).shown()) {
                if (shownBefore && theme.name() != null) {
                    fading.add(theme.name());
                } else if (!now.isEmpty()) {
                    small++;
                }
                continue;
            }
            if (!releases.release(scope.measure("theme " + key(theme)), current.from(), current.to(),
                    contributions(membersNow), "people " + now.size())) {
                small++;
                continue;
            }
            double share = (double) now.size() / writers.size();
            ThemeReport.Direction direction = direction(shownBefore, share,
                    earlierWriters.isEmpty() ? 0 : (double) before.size() / earlierWriters.size());
            List<String> quotes = quotes(policy, membersNow);
            List<String> terms = ThemeTerms.shown(theme.topTerms(), membersNow, policy);
            shown.add(new ThemeReport.Line(key(theme), name(theme, terms), terms, now.size(), share, direction,
                    quotes));
            if (theme.taxonomyId() != null) {
                taxonomyIds.add(theme.taxonomyId());
            }
        }
        shown.sort(Comparator.comparingInt(ThemeReport.Line::people).reversed());
        distinctNames(shown);
        int reflectionsNow = currentRows.size();
        return new Result(new TeamFigures.Released<>(new ThemeReport(reflectionsNow, shown, small, fading), included),
                taxonomyIds);
    }

    /**
     * Clusters ahead what a read of this scope would cluster, if a read would cluster at all, and stores it
     * ({@link ThemeResults}); releases nothing, records nothing in the ledger or the audit. Returns whether it had
     * to cluster (false: nothing to do, or stored already).
     */
    boolean precompute(InsightScope scope, List<Reflection> reflections) {
        List<Reflection> rows = rows(scope, reflections);
        if (!clustered(scope, reflections, rows)) {
            return false;
        }
        long programmeId = scope.programmeId();
        String fingerprint = ThemeResults.fingerprint(embeddings.model(), pipelines.feedbackVersion(programmeId), rows);
        if (results.has(programmeId, fingerprint)) {
            return false;
        }
        results.themes(programmeId, fingerprint, rows, () -> computeTime.record(() ->
                cluster(pipelines.pipeline(programmeId), rows)));
        return true;
    }

    /** The reflections a scope's themes are found in: its cohort's, in the period and the one before. */
    private static List<Reflection> rows(InsightScope scope, List<Reflection> reflections) {
        InsightPeriod current = scope.period();
        InsightPeriod previous = current.previous();
        return reflections.stream().filter(r -> scope.cohort().contains(r.participantId())
                && (current.contains(r.at()) || previous.contains(r.at()))).toList();
    }

    /** Whether the policy lets the scope's themes be looked for at all: enough writers, and not a complement. */
    private static boolean clustered(InsightScope scope, List<Reflection> reflections, List<Reflection> rows) {
        Set<Long> programmeWriters = authors(reflections.stream()
                .filter(r -> scope.groupOf().containsKey(r.participantId())).toList(), scope.period());
        return scope.policy().cell("reflections", authors(rows, scope.period())).shown()
                && scope.releasable(programmeWriters);
    }

    /** The clustering of these rows: stored (computed ahead, or by an earlier read) or computed now and stored. */
    private List<Theme> themesOf(long programmeId, List<Reflection> rows) {
        String fingerprint = ThemeResults.fingerprint(embeddings.model(), pipelines.feedbackVersion(programmeId), rows);
        return results.themes(programmeId, fingerprint, rows, () -> computeTime.record(() ->
                cluster(pipelines.pipeline(programmeId), rows)));
    }

    /**
     * Small themes are kept apart, not folded into big ones: folding would put a reflection (and its quote)
     * under a theme it isn't about. They are counted as "smaller themes" instead.
     */
    private List<Theme> cluster(ThemePipeline pipeline, List<Reflection> rows) {
        List<Long> ids = rows.stream().map(Reflection::checkInId).toList();
        Map<Long, float[]> vectors = embeddings.vectors(ids);
        List<float[]> ordered = ids.stream().map(vectors::get).toList();
        return pipeline.run(rows.stream().map(Reflection::text).toList(), ordered, OptionalInt.empty());
    }

    private static ThemeReport.Direction direction(boolean shownBefore, double share, double shareBefore) {
        if (!shownBefore || shareBefore == 0) {
            return ThemeReport.Direction.NEW;
        }
        double ratio = share / shareBefore;
        return ratio >= 1.25 ? ThemeReport.Direction.GROWING
                : ratio <= 0.8 ? ThemeReport.Direction.FADING : ThemeReport.Direction.STEADY;
    }

    /** Opted-in, never anything that reads as a crisis, trimmed; the policy decides whether any may be shown. */
    private static List<String> quotes(ConfidentialityPolicy policy, List<Reflection> members) {
        List<QuoteCandidate> candidates = members.stream()
                .map(r -> new QuoteCandidate(r.participantId(), r.quoteOk(), r.text())).toList();
        return policy.quotable(candidates).stream().filter(q -> !CrisisSignals.in(q))
                .sorted(Comparator.comparingInt(q -> Math.abs(q.length() - QUOTE_CHARS / 2)))
                .map(TeamThemes::trim).distinct().limit(QUOTES_PER_THEME).toList();
    }

    static String trim(String quote) {
        String flat = quote.replaceAll("\\s+", " ").strip();
        if (flat.length() <= QUOTE_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', QUOTE_CHARS - 1);
        return flat.substring(0, cut > QUOTE_CHARS / 2 ? cut : QUOTE_CHARS - 1) + "…";
    }

    private static String key(Theme theme) {
        return theme.taxonomyId() != null ? theme.taxonomyId()
                : "terms:" + String.join("|", theme.topTerms().subList(0, Math.min(3, theme.topTerms().size())));
    }

    /**
     * Two themes the taxonomy could not name may share a name ("Other", or the same words): numbered, so that a chart's
     * bars and the lines under it stay apart.
     */
    static void distinctNames(List<ThemeReport.Line> lines) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ThemeReport.Line line = lines.get(i);
            int count = seen.merge(line.name(), 1, Integer::sum);
            if (count > 1) {
                lines.set(i, new ThemeReport.Line(line.key(), line.name() + " (" + count + ")", line.terms(),
                        line.people(), line.share(), line.direction(), line.quotes()));
            }
        }
    }

    /** The taxonomy's name, or one from the terms a coach may see ({@link ThemeTerms}), never from the others. */
    private static String name(Theme theme, List<String> shownTerms) {
        if (theme.name() != null) {
            return theme.name();
        }
        List<String> terms = shownTerms.subList(0, Math.min(3, shownTerms.size()));
        return terms.isEmpty() ? "Other" : "About " + String.join(", ", terms);
    }

    private static Map<Long, String> contributions(List<Reflection> rows) {
        return TeamFigures.contributions(rows, Reflection::participantId, r -> r.checkInId() + "@" + r.at());
    }

    private static Set<Long> authors(List<Reflection> rows, InsightPeriod period) {
        return rows.stream().filter(r -> period.contains(r.at())).map(Reflection::participantId)
                .collect(Collectors.toSet());
    }
}
