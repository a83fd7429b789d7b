package com.waymark.insight;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waymark.checkin.TeamCheckIns;
import com.waymark.checkin.TeamCheckIns.Rating;
import com.waymark.pairing.PeerCoachingService;
import com.waymark.privacy.AuditLog;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.ReadKind;
import com.waymark.privacy.ReleaseLedger;
import com.waymark.privacy.Releases;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.GroupInfo;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.cycle.SessionPulses;
import com.waymark.programme.Programmes;
import com.waymark.schedule.ScheduleService;
import org.springframework.stereotype.Service;

/**
 * Team-level insight for coaches: participation, wellbeing, themes and action progress of a programme (or one
 * group) over a period, and the pre-session digest. Every method checks that the reader coaches the programme,
 * releases figures only through the programme's confidentiality policy, and audits the read with exactly the
 * people whose data it showed.
 */
@Service
public class TeamInsights {

    /** With no session to start from, a report covers the last fourteen whole days, today included. */
    static final int DEFAULT_DAYS = 14;
    /** The reader of a precomputation: nobody (ids start at 1). */
    private static final long NO_READER = 0;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final Programmes programmes;
    private final ScheduleService schedule;
    private final TeamCheckIns checkIns;
    private final TeamThemes themes;
    private final PeerCoachingService peerCoaching;
    private final DigestQuestions questions;
    private final AuditLog audit;
    private final ReleaseLedger ledger;
    private final DigestNarrator narrator;
    private final Clock clock;
    private final double notableFall;
    private final int atRiskDays;
    private final DiagnosticThemes diagnostic;
    private final SessionPulses sessionPulses;

    public TeamInsights(Programmes programmes, ScheduleService schedule,
                        TeamCheckIns checkIns, TeamThemes themes, PeerCoachingService peerCoaching,
                        DigestQuestions questions, AuditLog audit, ReleaseLedger ledger, DigestNarrator narrator,
                        Clock clock, InsightSettings settings, DiagnosticThemes diagnostic,
                        SessionPulses sessionPulses) {
        this.diagnostic = diagnostic;
        this.sessionPulses = sessionPulses;
        this.programmes = programmes;
        this.schedule = schedule;
        this.checkIns = checkIns;
        this.themes = themes;
        this.peerCoaching = peerCoaching;
        this.questions = questions;
        this.audit = audit;
        this.ledger = ledger;
        this.narrator = narrator;
        this.clock = clock;
        this.notableFall = settings.notableFall();
        this.atRiskDays = settings.atRiskDays();
    }

    public Report<ParticipationReport> participation(long coachId, ScopeRequest request) {
        InsightScope scope = scope(coachId, request);
        return withLedger(scope, releases -> released(coachId, scope, ReadKind.PARTICIPATION, releases,
                new TeamFigures(scope, releases).participation(ratings(scope))));
    }

    public Report<WellbeingReport> wellbeing(long coachId, ScopeRequest request) {
        InsightScope scope = scope(coachId, request);
        return withLedger(scope, releases -> released(coachId, scope, ReadKind.TEAM_SUMMARY, releases,
                new TeamFigures(scope, releases).wellbeing(ratings(scope), notableFall)));
    }

    public Report<ThemeReport> themes(long coachId, ScopeRequest request) {
        InsightScope scope = scope(coachId, request);
        return withLedger(scope, releases -> {
            TeamThemes.Result result = themeResult(scope, releases);
            record(coachId, scope, ReadKind.THEMES, result.released().included());
            if (result.released().report().themes().stream().anyMatch(t -> !t.quotes().isEmpty())) {
                record(coachId, scope, ReadKind.QUOTES, result.released().included());
            }
            return new Report<>(ReportHeader.of(scope, releases.heldBack()), result.released().report());
        });
    }

    public Report<ActionReport> actions(long coachId, ScopeRequest request) {
        InsightScope scope = scope(coachId, request);
        return withLedger(scope, releases -> released(coachId, scope, ReadKind.ACTIONS, releases,
                new TeamFigures(scope, releases).actions(checkIns.actions(scope.cohort()), atRiskDays)));
    }

    public TeamSummary summary(long coachId, ScopeRequest request) {
        InsightScope scope = scope(coachId, request);
        TeamSummary summary = summary(coachId, scope, ReadKind.TEAM_OVERVIEW).summary();
        if (beforeFirstSession(scope.programmeId())) {
            summary = summary.withDiagnostic(diagnostic.read(coachId, scope).digest());
        }
        // The cycle is the whole programme's (its sessions): a group's summary does not carry it.
        return scope.groupId() != null ? summary : summary.withCycle(cycleSection(coachId, scope.programmeId()));
    }

    /**
     * The summary of one programme named by id, over whole weeks from the week of {@code since} to today: the very
     * figures "summary since" shows for the same period (the same scope, the same ledger, so a second read of an
     * unchanged period releases the same figures), for a report read as {@code kind} (the impact report).
     */
    public TeamSummary summary(long coachId, long programmeId, LocalDate since, ReadKind kind) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        return summary(coachId, scope(programme, coachId, null, since, false), kind).summary();
    }

    /**
     * The digest for a coming session, for one of its coaches: everything since the last session (or the last
     * two weeks), read now. Returns empty when the reader no longer coaches the programme.
     */
    public Optional<SessionDigest> digest(long coachId, long programmeId, Instant sessionStartsAt, long sessionId) {
        ProgrammeInfo programme;
        try {
            programme = programmes.coached(coachId, programmeId);
        } catch (ProgrammeProblem notACoach) {
            return Optional.empty();
        }
        InsightScope scope = scope(programme, coachId, null, null, true);
        Summarised done = summary(coachId, scope, ReadKind.SESSION_DIGEST);
        PeerCoachingService.PairsSummary pairs = peerCoaching.summary(coachId, programmeId);
        Optional<DiagnosticThemes.Read> before = beforeFirstSession(programmeId)
                ? Optional.of(diagnostic.read(coachId, scope)) : Optional.empty();
        SessionPulses.CycleReport cycle = cycleSection(coachId, programmeId);
        // What the cycle's released figures call for comes first; only what the policy showed this coach counts.
        List<String> themeIds = new java.util.ArrayList<>(CycleSignals.of(cycle));
        themeIds.addAll(done.taxonomyIds());
        before.ifPresent(read -> themeIds.addAll(read.taxonomyIds()));
        List<String> suggested = questions.forSession(programmeId, sessionId, themeIds);
        TeamSummary summary = named(done.summary());
        String narrative = narrator.summarise(programme.name(), DigestLines.of(summary, pairs)).orElse(null);
        return Optional.of(new SessionDigest(sessionStartsAt, summary, pairs, suggested, narrative,
                before.map(DiagnosticThemes.Read::digest).orElse(null), cycle));
    }

    // ---- the diagnostic (issue 16, part 5) ----

    /** No session of the programme has been held yet: the diagnostic is what the coach has to go on. */
    private boolean beforeFirstSession(long programmeId) {
        return schedule.lastSessionStartBefore(programmeId, clock.instant()).isEmpty();
    }

    /**
     * The coaching cycle's section of the digest: the pulse and commitments of the last {@link #CYCLE_SESSIONS}
     * sessions that ended, each released through the policy and ledger and audited by the cycle itself.
     */
    private SessionPulses.CycleReport cycleSection(long coachId, long programmeId) {
        SessionPulses.CycleReport report = sessionPulses.read(coachId, programmeId, null);
        if (report.pulses().isEmpty()) {
            return null;
        }
        int from = Math.max(0, report.pulses().size() - CYCLE_SESSIONS);
        return new SessionPulses.CycleReport(report.programmeName(), report.timeZone(), report.threshold(),
                report.pulses().subList(from, report.pulses().size()),
                report.commitments().subList(from, report.commitments().size()), report.heldBack());
    }

    static final int CYCLE_SESSIONS = 3;

    /** Team-level figures only, one row per figure, for a coach's own records. */
    public Report<String> exportCsv(long coachId, ScopeRequest request) {
        return exportCsv(coachId, scope(coachId, request));
    }

    /**
     * The same for one programme named by id rather than the coach's current one: a file made when the coach accepts
     * it, possibly after switching programme, is still of the programme it was offered for, and only while they coach
     * it. Read, released and audited like any export, at the moment it is made.
     */
    public Report<String> exportCsv(long coachId, long programmeId, ScopeRequest request) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        return exportCsv(coachId, scope(programme, coachId, request.group(), request.since(),
                request.sinceLastSession() || request.since() == null));
    }

    private Report<String> exportCsv(long coachId, InsightScope scope) {
        Summarised done = summary(coachId, scope, ReadKind.EXPORT);
        return new Report<>(done.summary().header(), SummaryCsv.write(done.summary()));
    }

    /**
     * Clusters ahead the themes of the windows coaches read unless they ask otherwise (since the last session, or the
     * last two weeks; the whole programme), as {@code summary}, {@code themes} and the digest would read them now,
     * and stores them ({@link ThemeResults}). Nothing is released, recorded in the release ledger or audited: each
     * read still does all of that. Returns whether anything had to be clustered.
     */
    public boolean precomputeThemes(long programmeId) {
        Optional<ProgrammeInfo> programme = programmes.find(programmeId);
        if (programme.isEmpty()) {
            return false;
        }
        // No reader: a coach is staff, and staff never count, so every coach's scope has this cohort.
        InsightScope scope = scope(programme.get(), NO_READER, null, null, true);
        return themes.precompute(scope, checkIns.reflections(scope.programmeId(), scope.period().previous().from(),
                scope.period().to()));
    }

    // ---- composing ----

    /** Themes the taxonomy could not name get a name from the optional narrator, from their terms alone. */
    private TeamSummary named(TeamSummary summary) {
        List<ThemeReport.Line> lines = summary.themes().themes().stream()
                .map(line -> line.key().startsWith("terms:")
                        ? narrator.nameTheme(line.terms(), line.name())
                        .map(name -> new ThemeReport.Line(line.key(), name, line.terms(), line.people(), line.share(),
                                line.direction(), line.quotes())).orElse(line)
                        : line)
                .toList();
        ThemeReport themes = summary.themes();
        return new TeamSummary(summary.header(), summary.participation(), summary.wellbeing(),
                new ThemeReport(themes.reflections(), lines, themes.smallThemes(), themes.fading(), themes.heldBack()),
                summary.actions());
    }

    private record Summarised(TeamSummary summary, List<String> taxonomyIds) {
    }

    private Summarised summary(long coachId, InsightScope scope, ReadKind kind) {
        return withLedger(scope, releases -> summary(coachId, scope, kind, releases));
    }

    private Summarised summary(long coachId, InsightScope scope, ReadKind kind, Releases releases) {
        TeamFigures figures = new TeamFigures(scope, releases);
        List<Rating> ratings = ratings(scope);
        Set<Long> included = new HashSet<>();
        TeamFigures.Released<ParticipationReport> participation = figures.participation(ratings);
        TeamFigures.Released<WellbeingReport> wellbeing = figures.wellbeing(ratings, notableFall);
        TeamFigures.Released<ActionReport> actions = figures.actions(checkIns.actions(scope.cohort()), atRiskDays);
        TeamThemes.Result themeResult = themeResult(scope, releases);
        included.addAll(participation.included());
        included.addAll(wellbeing.included());
        included.addAll(actions.included());
        included.addAll(themeResult.released().included());
        record(coachId, scope, kind, included);
        return new Summarised(new TeamSummary(ReportHeader.of(scope, releases.heldBack()), participation.report(),
                wellbeing.report(), themeResult.released().report(), actions.report()), themeResult.shownTaxonomyIds());
    }

    /** Themes over the period and the one before, which are clustered together. */
    private TeamThemes.Result themeResult(InsightScope scope, Releases releases) {
        return themes.themes(scope, checkIns.reflections(scope.programmeId(), scope.period().previous().from(),
                scope.period().to()), releases);
    }

    /**
     * The programme's release ledger over everything a read may show: from the first Monday of the trend line to
     * the end of the week the period ends in.
     */
    private <T> T withLedger(InsightScope scope, Function<Releases, T> read) {
        return ledger.read(scope.programmeId(), scope.policy(), TeamFigures.trendStart(scope),
                scope.period().to().plus(Duration.ofDays(7)), read);
    }

    private <T> Report<T> released(long coachId, InsightScope scope, ReadKind kind, Releases releases,
                                   TeamFigures.Released<T> released) {
        record(coachId, scope, kind, released.included());
        return new Report<>(ReportHeader.of(scope, releases.heldBack()), released.report());
    }

    /**
     * Every read is recorded, even one that showed nobody's figures (all hidden): the report tells the coach their
     * reading is in the audit, so "audit" must list it. Such an entry names nobody, so no participant sees it.
     */
    private void record(long coachId, InsightScope scope, ReadKind kind, Set<Long> included) {
        audit.record(coachId, kind, scope.programmeId(), included);
    }

    private List<Rating> ratings(InsightScope scope) {
        return checkIns.ratings(scope.programmeId(), TeamFigures.trendStart(scope), scope.period().to());
    }

    // ---- scope ----

    private InsightScope scope(long coachId, ScopeRequest request) {
        ProgrammeInfo programme = programmes.currentCoached(coachId);
        return scope(programme, coachId, request.group(), request.since(), request.sinceLastSession()
                || request.since() == null);
    }

    /**
     * Every window is whole days of the programme's time zone and ends at the start of tomorrow (today is in
     * it, whole): "since 2026-11-04" starts on that week's Monday; "since last session" on the session's day;
     * otherwise the fourteen days up to and including today. The period before is as many whole days just
     * before. So a period read twice reads over the same span, whatever the minute; what is counted is
     * decided by {@link ConfidentialityPolicy#contributors}: never the programme's staff nor the reader.
     */
    /** "Mon 3 Nov", with the year when it is not this year's: "Mon 3 Nov 2025". */
    static String day(LocalDate day, LocalDate today) {
        return (day.getYear() == today.getYear() ? DAY : DAY_YEAR).format(day);
    }

    private InsightScope scope(ProgrammeInfo programme, long viewerId, String groupName, LocalDate since,
                               boolean fromLastSession) {
        ZoneId zone = ZoneId.of(programme.timeZone());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        GroupInfo group = groupName == null || groupName.isBlank() ? null : group(programme, groupName.strip());
        LocalDate first;
        String described;
        if (since != null) {
            // Whole weeks only: windows that differ by a day or two would let one person's answers be subtracted.
            first = since.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            described = "since " + day(first, today);
            if (first.isAfter(today)) {
                throw new InsightProblem("That date is still to come. Try, for example: summary since "
                        + today.minusWeeks(2));
            }
        } else {
            Optional<Instant> last = fromLastSession
                    ? schedule.lastSessionStartBefore(programme.id(), now) : Optional.empty();
            first = last.map(s -> LocalDate.ofInstant(s, zone))
                    .orElse(today.minusDays(DEFAULT_DAYS - 1));
            described = last.map(s -> "since the last session ("
                            + day(LocalDate.ofInstant(s, zone), today) + ")")
                    .orElse("over the last two weeks");
        }
        Set<Long> staff = programmes.staffIds(programme.id());
        Map<Long, Long> members = programmes.activeMemberGroups(programme.id());
        Set<Long> countable = ConfidentialityPolicy.contributors(members.keySet(), staff, viewerId);
        Map<Long, Long> groupOf = members.entrySet().stream().filter(e -> countable.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<Long> cohort = groupOf.entrySet().stream()
                .filter(e -> group == null || e.getValue() == group.id())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return new InsightScope(programme.id(), programme.name(), group == null ? null : group.id(),
                group == null ? null : group.name(), zone, InsightPeriod.days(first, today.plusDays(1), zone),
                described, cohort, groupOf, ConfidentialityPolicy.withThreshold(programme.thresholdAt(now)));
    }

    private GroupInfo group(ProgrammeInfo programme, String name) {
        List<GroupInfo> groups = programmes.groups(programme.id());
        return groups.stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new InsightProblem("There's no group called \"" + name + "\" in \""
                        + programme.name() + "\"." + (groups.isEmpty() ? " It has no groups yet."
                        : " Its groups: " + String.join(", ", groups.stream().map(GroupInfo::name).toList())
                        + ".")));
    }
}
