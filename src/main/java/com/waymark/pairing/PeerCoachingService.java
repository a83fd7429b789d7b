package com.waymark.pairing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.waymark.privacy.AuditLog;
import com.waymark.privacy.ConfidentialityPolicy;
import com.waymark.privacy.ReadKind;
import com.waymark.privacy.ReleaseLedger;
import com.waymark.privacy.Releases;
import com.waymark.programme.ParticipantInfo;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.GroupInfo;
import com.waymark.programme.Programmes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer coaching as a coach runs it: the plan, forbidden pairs, a round on demand, and the confidential
 * summary. Coaches never see who met whom, who answered what, or who stepped out: only aggregates, each
 * through the programme's {@link ConfidentialityPolicy}, and each read recorded in the {@link AuditLog}.
 */
@Service
public class PeerCoachingService {

    /**
     * A plan with where it has got to. {@code nextRoundAt} is null once every round has fallen due ({@code allDue}),
     * or no round left falls within the programme's dates. {@code roundsRun} counts only rounds that paired someone.
     */
    public record PlanView(long planId, PlanSettings settings, String groupName, int roundsRun, Instant nextRoundAt,
                           int nextRoundNumber, ZoneId zone, boolean allDue) {
    }

    public record ForbiddenView(String first, String second) {
    }

    /**
     * The confidential summary. Every figure is null when its cell is hidden: too few distinct people, or (for
     * the usefulness bands) hidden so a hidden band can't be worked out by subtraction.
     *
     * @param groupsAnswered groups with at least one follow-up answer; {@code groupsMet} of them said they met
     * @param bands          people per usefulness band (their own average, rounded), 1 to 5
     * @param heldBack       sections hidden by the release ledger: shown before from people who differ by a handful
     */
    public record PairsSummary(String programme, int threshold, int roundsRun, Integer groupsAnswered,
                               Integer groupsMet, Double meanUsefulness, Map<Integer, Integer> bands,
                               Integer groupsFormed, Integer crossRoleGroups, Integer crossOrganisationGroups,
                               Integer peoplePaired, Integer peopleMetAnotherRole,
                               Integer peopleMetAnotherOrganisation, int heldBack) {

        public boolean anythingShown() {
            return groupsAnswered != null || meanUsefulness != null || groupsFormed != null;
        }
    }

    private final PairingPlanRepository plans;
    private final PairingRoundRepository rounds;
    private final PairingMemberRepository members;
    private final PairingFollowUpRepository followUps;
    private final ForbiddenPairRepository forbidden;
    private final Programmes programmes;
    private final ParticipantService participants;
    private final PairingRounds runner;
    private final PairingInputs inputs;
    private final AuditLog audit;
    private final ReleaseLedger ledger;
    private final Clock clock;

    public PeerCoachingService(PairingPlanRepository plans, PairingRoundRepository rounds,
                               PairingMemberRepository members, PairingFollowUpRepository followUps,
                               ForbiddenPairRepository forbidden, Programmes programmes, ParticipantService participants,
                               PairingRounds runner, PairingInputs inputs, AuditLog audit, ReleaseLedger ledger,
                               Clock clock) {
        this.inputs = inputs;
        this.plans = plans;
        this.rounds = rounds;
        this.members = members;
        this.followUps = followUps;
        this.forbidden = forbidden;
        this.programmes = programmes;
        this.participants = participants;
        this.runner = runner;
        this.audit = audit;
        this.ledger = ledger;
        this.clock = clock;
    }

    // --- the plan ----------------------------------------------------------------------------------------

    /**
     * Turns peer coaching on (or changes it) for the programme or one group. A plan for everyone replaces every
     * plan of the programme; a group's plan replaces that group's and any plan for everyone, so nobody is
     * paired twice in one rhythm. Earlier rounds stay and keep counting towards repeats.
     */
    @Transactional
    public PlanView savePlan(long coachId, long programmeId, PlanSettings settings) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new PairingProblem(String.join(" ", problems));
        }
        if (settings.groupId() != null && programmes.groups(programmeId).stream()
                .noneMatch(g -> settings.groupId().equals(g.id()))) {
            throw new PairingProblem("That group is not part of \"" + programme.name() + "\".");
        }
        for (PairingPlan plan : plans.findByProgrammeIdAndActiveTrueOrderById(programmeId)) {
            if (settings.groupId() == null || plan.getGroupId() == null
                    || plan.getGroupId().equals(settings.groupId())) {
                plan.deactivate();
            }
        }
        // The first round falls on the programme's first day or later: rounds run only between its dates.
        Instant now = clock.instant();
        Instant firstFrom = programme.settings().runsFrom().filter(start -> start.isAfter(now)).orElse(now);
        PairingPlan saved = plans.saveAndFlush(new PairingPlan(programmeId, settings, programmeId,
                ZoneId.of(programme.timeZone()), firstFrom, now));
        return view(saved, programme);
    }

    @Transactional(readOnly = true)
    public List<PlanView> plans(long coachId, long programmeId) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        return plans.findByProgrammeIdAndActiveTrueOrderById(programmeId).stream().map(p -> view(p, programme))
                .toList();
    }

    private PlanView view(PairingPlan plan, ProgrammeInfo programme) {
        String groupName = plan.getGroupId() == null ? null : programmes.groups(programme.id()).stream()
                .filter(g -> plan.getGroupId().equals(g.id())).map(GroupInfo::name).findFirst().orElse(null);
        Integer next = runner.nextRoundIndex(plan);
        int used = runner.nextIndex(plan.getId());
        return new PlanView(plan.getId(), plan.settings(), groupName, (int) rounds.countPaired(plan.getId()),
                runner.nextRoundAt(plan), next == null ? used + 1 : next + 1, ZoneId.of(programme.timeZone()),
                used >= plan.getTotalRounds());
    }

    /**
     * What a coach is told of a round they ran with {@code pair now}: how many pairs and trios were formed, only
     * when the people in them (other than staff and the coach) are at least the threshold, and never how many
     * were left out: who is paused, away or opted out is nobody's business but theirs.
     *
     * @param anyoneFree  whether anyone was free for the round; when nobody was, nothing was stored and the round is
     *                    still to come
     * @param pairs       null when the round's people are too few to give numbers
     * @param withoutChat people the plan covers who agreed but have no 1:1 chat with Waymark, so can't be sent a
     *                    nudge (people enrolled from a team, or who joined with a code, have one; the demo's made-up
     *                    leaders don't). Not a choice of theirs, unlike a pause or an opt-out, which are never told
     */
    public record RoundOutcome(int roundNumber, int totalRounds, PairingMode mode, boolean anyoneFree, Integer pairs,
                               Integer trios, int withoutChat) {
    }

    /** Runs each active plan's next round now, for trying it out; the plan's later rounds keep their dates. */
    public List<RoundOutcome> pairNow(long coachId, long programmeId) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        List<PairingPlan> active = plans.findByProgrammeIdAndActiveTrueOrderById(programmeId);
        if (active.isEmpty()) {
            throw new PairingProblem("\"" + programme.name() + "\" has no peer coaching yet. Say \"peer coaching\" "
                    + "to set the rhythm and the pairing mode first.");
        }
        ConfidentialityPolicy policy = ConfidentialityPolicy.withThreshold(programme.thresholdAt(clock.instant()));
        Set<Long> staff = programmes.staffIds(programmeId);
        List<RoundOutcome> outcomes = new ArrayList<>();
        Set<Long> shown = new HashSet<>();
        for (PairingPlan plan : active) {
            PairingRounds.RoundRun run = runner.runNext(plan.getId());
            Set<Long> placed = run.roundId() == null ? Set.of() : ConfidentialityPolicy.contributors(members
                    .findByRoundIdInOrderById(List.of(run.roundId())).stream()
                    .filter(m -> m.getStatus() == PlaceInRound.PAIRED)
                    .map(PairingMember::getParticipantId).toList(), staff, coachId);
            boolean numbers = policy.cell("round", placed).shown();
            if (numbers) {
                shown.addAll(placed);
            }
            outcomes.add(new RoundOutcome(run.roundNumber(), run.totalRounds(), run.mode(), run.people() > 0,
                    numbers ? run.pairs() : null, numbers ? run.trios() : null, inputs.withoutChat(plan)));
        }
        if (!shown.isEmpty()) {
            audit.record(coachId, ReadKind.PAIRS, programmeId, shown);
        }
        return outcomes;
    }

    // --- forbidden pairs ---------------------------------------------------------------------------------

    @Transactional
    public ForbiddenView forbid(long coachId, long programmeId, long first, long second) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        if (first == second) {
            throw new PairingProblem("Choose two different people.");
        }
        for (long id : List.of(first, second)) {
            if (programmes.membership(programmeId, id).isEmpty()) {
                throw new PairingProblem("Both people need to be in \"" + programme.name() + "\".");
            }
        }
        PairKey pair = PairKey.of(first, second);
        if (!forbidden.existsByProgrammeIdAndLowIdAndHighId(programmeId, pair.low(), pair.high())) {
            forbidden.save(new ForbiddenPair(programmeId, pair, clock.instant()));
        }
        return new ForbiddenView(name(first), name(second));
    }

    @Transactional(readOnly = true)
    public List<ForbiddenView> forbidden(long coachId, long programmeId) {
        programmes.coached(coachId, programmeId);
        return forbidden.findByProgrammeIdOrderById(programmeId).stream()
                .map(f -> new ForbiddenView(name(f.pair().low()), name(f.pair().high()))).toList();
    }

    private String name(long participantId) {
        return participants.find(participantId).map(ParticipantInfo::displayName).filter(Objects::nonNull)
                .orElse("(name not known yet)");
    }

    // --- the confidential summary -------------------------------------------------------------------------

    /**
     * Share of groups that met, how useful people found it, and how far pairs have crossed roles and
     * organisations over the programme. Each figure is a cell of the programme's confidentiality policy over
     * the distinct people it is built from; the read is audited with the people of the cells shown.
     */
    // Not one transaction: the ledger's figures are kept (committed) before the next read of the programme runs.
    public PairsSummary summary(long coachId, long programmeId) {
        ProgrammeInfo programme = programmes.coached(coachId, programmeId);
        ConfidentialityPolicy policy = ConfidentialityPolicy.withThreshold(programme.thresholdAt(clock.instant()));
        return ledger.read(programmeId, policy, ALL_TIME_FROM, ALL_TIME_TO,
                releases -> summary(coachId, programme, policy, releases));
    }

    private PairsSummary summary(long coachId, ProgrammeInfo programme, ConfidentialityPolicy policy,
                                 Releases releases) {
        long programmeId = programme.id();
        List<PairingRound> all = rounds.findByProgrammeIdOrderByRunAtAscIdAsc(programmeId);
        Map<Long, List<PairingMember>> meetings = members.findByRoundIdInOrderById(
                        all.stream().map(PairingRound::getId).toList()).stream()
                .filter(m -> m.getStatus() == PlaceInRound.PAIRED && m.getGroupId() != null)
                .collect(Collectors.groupingBy(PairingMember::getGroupId, LinkedHashMap::new, Collectors.toList()));
        meetings.values().removeIf(group -> group.size() < 2);
        Set<Long> included = new HashSet<>();
        // Nobody counts towards a figure they can see: the programme's staff and the reader are left out.
        Set<Long> staff = programmes.staffIds(programmeId);
        Set<Long> countable = ConfidentialityPolicy.contributors(meetings.values().stream().flatMap(List::stream)
                .map(PairingMember::getParticipantId).toList(), staff, coachId);

        // Did they meet: from the answers, so over the people who answered.
        List<PairingFollowUp> answers = followUps.findByGroupIdInOrderById(meetings.keySet()).stream()
                .filter(f -> f.getStatus() == PairingFollowUp.Status.ANSWERED)
                .filter(f -> countable.contains(f.getParticipantId())).toList();
        Set<Long> answerers = answers.stream().map(PairingFollowUp::getParticipantId).collect(Collectors.toSet());
        Integer groupsAnswered = null;
        Integer groupsMet = null;
        if (policy.cell("met", answerers).shown()
                && release(releases, "pairs met", answerers, answers, List.of())) {
            Map<Long, List<PairingFollowUp>> byGroup = answers.stream()
                    .collect(Collectors.groupingBy(PairingFollowUp::getGroupId));
            groupsAnswered = byGroup.size();
            Set<Long> saidMet = answers.stream().filter(f -> f.getMet() == Met.YES)
                    .map(PairingFollowUp::getParticipantId).collect(Collectors.toSet());
            if (policy.share("met", saidMet, answerers)) {
                groupsMet = (int) byGroup.values().stream()
                        .filter(list -> list.stream().anyMatch(f -> f.getMet() == Met.YES)).count();
            }
            included.addAll(answerers);
        }

        // How useful: each person's own average puts them in exactly one band, so the bands can be a breakdown.
        Map<Long, List<Integer>> ratings = answers.stream().filter(f -> f.getUsefulness() != null)
                .collect(Collectors.groupingBy(PairingFollowUp::getParticipantId,
                        Collectors.mapping(PairingFollowUp::getUsefulness, Collectors.toList())));
        Double mean = null;
        Map<Integer, Integer> bands = null;
        if (policy.cell("usefulness", ratings.keySet()).shown()
                && release(releases, "pairs usefulness", ratings.keySet(), answers, List.of())) {
            mean = ratings.values().stream().flatMap(List::stream).mapToInt(Integer::intValue).average().orElse(0);
            Map<String, Integer> perBand = new LinkedHashMap<>();
            for (int band = 1; band <= 5; band++) {
                perBand.put(Integer.toString(band), 0);
            }
            ratings.values().forEach(list -> perBand.merge(Long.toString(Math.round(list.stream()
                    .mapToInt(Integer::intValue).average().orElse(0))), 1, Integer::sum));
            ConfidentialityPolicy.Breakdown breakdown = policy.breakdown("usefulness", perBand);
            bands = new LinkedHashMap<>();
            for (ConfidentialityPolicy.Cell band : breakdown.parts()) {
                bands.put(Integer.valueOf(band.key()), band.shown() ? band.people() : null);
            }
            included.addAll(ratings.keySet());
        }

        // Coverage: from the pairings themselves (roles and organisations as recorded when each round ran).
        Set<Long> paired = meetings.values().stream().flatMap(List::stream).map(PairingMember::getParticipantId)
                .filter(countable::contains).collect(Collectors.toSet());
        Integer groupsFormed = null;
        Integer crossRole = null;
        Integer crossOrganisation = null;
        Integer metAnotherRole = null;
        Integer metAnotherOrganisation = null;
        Integer peoplePaired = null;
        if (policy.cell("coverage", paired).shown()
                && release(releases, "pairs coverage", paired, List.of(), meetings.values())) {
            Set<Long> roleCrossers = new HashSet<>();
            Set<Long> organisationCrossers = new HashSet<>();
            int roleGroups = 0;
            int organisationGroups = 0;
            for (List<PairingMember> group : meetings.values()) {
                boolean allCrossRole = true;
                boolean allCrossOrganisation = true;
                for (int i = 0; i < group.size(); i++) {
                    for (int j = i + 1; j < group.size(); j++) {
                        Candidate a = group.get(i).candidate();
                        Candidate b = group.get(j).candidate();
                        if (PairingMode.CROSS_ROLE.matches(a, b)) {
                            addCountable(roleCrossers, countable, a.id(), b.id());
                        } else {
                            allCrossRole = false;
                        }
                        if (PairingMode.CROSS_ORGANISATION.matches(a, b)) {
                            addCountable(organisationCrossers, countable, a.id(), b.id());
                        } else {
                            allCrossOrganisation = false;
                        }
                    }
                }
                roleGroups += allCrossRole ? 1 : 0;
                organisationGroups += allCrossOrganisation ? 1 : 0;
            }
            groupsFormed = meetings.size();
            peoplePaired = paired.size();
            if (policy.share("another role", roleCrossers, paired)) {
                crossRole = roleGroups;
                metAnotherRole = roleCrossers.size();
            }
            if (policy.share("another organisation", organisationCrossers, paired)) {
                crossOrganisation = organisationGroups;
                metAnotherOrganisation = organisationCrossers.size();
            }
            included.addAll(paired);
        }
        // Recorded even when every figure is hidden: the card says this view is in the audit, so it must be.
        audit.record(coachId, ReadKind.PAIRS, programmeId, included);
        return new PairsSummary(programme.name(), policy.threshold(),
                (int) rounds.countPairedInProgramme(programmeId), groupsAnswered, groupsMet,
                mean == null ? null : Math.round(mean * 10) / 10.0, bands, groupsFormed, crossRole, crossOrganisation,
                peoplePaired, metAnotherRole, metAnotherOrganisation, releases.heldBack());
    }

    /** All-time figures: every pairs summary of a programme covers the same (whole) period. */
    private static final Instant ALL_TIME_FROM = Instant.EPOCH;
    private static final Instant ALL_TIME_TO = Instant.parse("3000-01-01T00:00:00Z");

    /**
     * Each section is one figure of the programme's release ledger: its contributors are the people it counts,
     * each with the answers or pairings they contributed, so two reads around one answer can't be subtracted.
     */
    private static boolean release(Releases releases, String measure, Set<Long> people, List<PairingFollowUp> answers,
                                   Collection<List<PairingMember>> groups) {
        Map<Long, List<String>> records = new HashMap<>();
        answers.stream().filter(f -> people.contains(f.getParticipantId())).forEach(f -> records
                .computeIfAbsent(f.getParticipantId(), p -> new ArrayList<>())
                .add("answer " + f.getId() + " " + f.getMet() + " " + f.getUsefulness()));
        groups.stream().flatMap(List::stream).filter(m -> people.contains(m.getParticipantId()))
                .forEach(m -> records.computeIfAbsent(m.getParticipantId(), p -> new ArrayList<>())
                        .add("member " + m.getId()));
        Map<Long, String> contributors = new HashMap<>();
        people.forEach(p -> contributors.put(p, Releases.fingerprint(records.getOrDefault(p, List.of()))));
        return releases.release(measure + "|programme", ALL_TIME_FROM, ALL_TIME_TO, contributors,
                "people " + people.size() + "; records " + records.values().stream().mapToInt(List::size).sum());
    }

    private static void addCountable(Set<Long> crossers, Set<Long> countable, long first, long second) {
        if (countable.contains(first)) {
            crossers.add(first);
        }
        if (countable.contains(second)) {
            crossers.add(second);
        }
    }
}
