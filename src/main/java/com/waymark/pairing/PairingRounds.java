package com.waymark.pairing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.waymark.privacy.PersonLock;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import com.waymark.programme.ProgrammeSettings;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.waymark.outbox.OutboxPayload;

/**
 * Runs peer-coaching rounds as time passes (the Quartz job calls {@link #tick}) or when a coach says
 * "pair now": the engine pairs everyone active, the round is stored with its groups and everyone it could not
 * place, and each person's nudge (or an honest "no partner this round") goes into the outbox in the same
 * transaction. Follow-ups fall due a few days later. Running a round twice is impossible: the round's index
 * is unique per plan, on any instance.
 */
@Component
public class PairingRounds {

    /**
     * What one round did, in numbers (no names: the coach sees only these). {@code roundId} is null when a round
     * brought forward with "pair now" found nobody free: then nothing was stored and the round is still to come.
     */
    public record RoundRun(Long roundId, int roundNumber, int totalRounds, PairingMode mode, int people, int pairs,
                           int trios, int unmatched) {
    }

    static final int BATCH = 500;

    private final PairingPlanRepository plans;
    private final PairingRoundRepository rounds;
    private final PairingGroupRepository groups;
    private final PairingMemberRepository members;
    private final PairingFollowUpRepository followUps;
    private final Programmes programmes;
    private final PairingInputs inputs;
    private final PairingMessages messages;
    private final PairingEngine engine = new PairingEngine();
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PersonLock people;

    public PairingRounds(PairingPlanRepository plans, PairingRoundRepository rounds, PairingGroupRepository groups,
                         PairingMemberRepository members, PairingFollowUpRepository followUps,
                         Programmes programmes, PairingInputs inputs, PairingMessages messages,
                         PlatformTransactionManager txManager, Clock clock, PersonLock people) {
        this.people = people;
        this.plans = plans;
        this.rounds = rounds;
        this.groups = groups;
        this.members = members;
        this.followUps = followUps;
        this.programmes = programmes;
        this.inputs = inputs;
        this.messages = messages;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** One tick: due rounds, then due follow-ups. Returns how many rounds ran and follow-ups were queued. */
    public int tick() {
        return runDueRounds() + queueDueFollowUps();
    }

    /**
     * Runs each active plan's due round. After downtime only the latest round that fell due runs (once): the
     * ones in between are not made up, so nobody gets a burst of nudges.
     */
    public int runDueRounds() {
        int ran = 0;
        for (PairingPlan plan : plans.findByActiveTrueOrderById()) {
            Integer index = dueIndex(plan, clock.instant());
            if (index != null && run(plan.getId(), index, false) != null) {
                ran++;
            }
        }
        return ran;
    }

    /**
     * The latest round that has fallen due and falls within the programme's dates (from 00:00 on its start date to
     * 23:59 on its end date, in its time zone); a round due outside them is never run.
     */
    Integer dueIndex(PairingPlan plan, Instant now) {
        ZoneId zone = zoneOf(plan.getProgrammeId());
        ProgrammeSettings dates = programmes.find(plan.getProgrammeId()).map(ProgrammeInfo::settings).orElse(null);
        int next = nextIndex(plan.getId());
        Integer due = null;
        for (int k = next; k < plan.getTotalRounds() && !plan.dueAt(k, zone).isAfter(now); k++) {
            if (dates != null && dates.runsAt(plan.dueAt(k, zone)) && dates.runsAt(now)) {
                due = k;
            }
        }
        return due;
    }

    /**
     * Brings the plan's next round forward to now ("pair now"); later rounds keep their dates. Only while the programme
     * runs, as for every round.
     */
    public RoundRun runNext(long planId) {
        PairingPlan plan = plans.findById(planId).orElseThrow();
        ProgrammeInfo programme = programmes.find(plan.getProgrammeId()).orElseThrow();
        if (!programme.settings().runsAt(clock.instant())) {
            throw new PairingProblem(outsideDates(programme));
        }
        int next = nextIndex(planId);
        if (next >= plan.getTotalRounds()) {
            throw new PairingProblem("All " + plan.getTotalRounds() + " rounds of this plan have run. Say \"peer "
                    + "coaching\" to set up more.");
        }
        RoundRun run = run(planId, next, true);
        if (run == null) {
            throw new PairingProblem("That round has just been run. Say \"pair now\" again for the next one.");
        }
        return run;
    }

    /** The index of the plan's next round that falls within the programme's dates, or null when none is left. */
    Integer nextRoundIndex(PairingPlan plan) {
        ZoneId zone = zoneOf(plan.getProgrammeId());
        ProgrammeSettings dates = programmes.find(plan.getProgrammeId()).map(ProgrammeInfo::settings).orElse(null);
        Instant now = clock.instant();
        for (int k = nextIndex(plan.getId()); k < plan.getTotalRounds(); k++) {
            Instant due = plan.dueAt(k, zone);
            if (dates == null || dates.runsAt(due) && (due.isAfter(now) || dates.runsAt(now))) {
                return k;
            }
        }
        return null;
    }

    Instant nextRoundAt(PairingPlan plan) {
        Integer next = nextRoundIndex(plan);
        return next == null ? null : plan.dueAt(next, zoneOf(plan.getProgrammeId()));
    }

    int nextIndex(long planId) {
        return rounds.lastIndex(planId).map(i -> i + 1).orElse(0);
    }

    private RoundRun run(long planId, int index, boolean onDemand) {
        try {
            return tx.execute(status -> runInTransaction(planId, index, onDemand));
        } catch (DataIntegrityViolationException e) {
            return null; // another instance ran this round a moment ago
        }
    }

    /**
     * A round due by the calendar is stored even when nobody is free, so it is not run again on the next tick (and it
     * never counts as a round run: see {@link PairingRoundRepository#countPaired}). One brought forward on demand
     * that finds nobody free stores nothing: the coach has not used up a round of the plan by asking.
     */
    private RoundRun runInTransaction(long planId, int index, boolean onDemand) {
        PairingPlan plan = plans.findById(planId).orElseThrow();
        if (!plan.isActive()) {
            return null;
        }
        ProgrammeInfo programme = programmes.find(plan.getProgrammeId()).orElseThrow();
        Instant now = clock.instant();
        List<Candidate> active = stillHere(inputs.active(plan, now));
        if (onDemand && active.isEmpty()) {
            return new RoundRun(null, index + 1, plan.getTotalRounds(),
                    plan.getMode().forRound(index, plan.getTotalRounds()), 0, 0, 0, 0);
        }
        Round round = engine.pair(new PairingRequest(active, plan.getMode(), index, plan.getTotalRounds(),
                plan.getSeed() + index), inputs.rules(programme.id()), inputs.history(programme.id(), planId));
        PairingRound saved = rounds.saveAndFlush(new PairingRound(planId, programme.id(), index, round.mode(), now,
                now.plus(Duration.ofDays(plan.getFollowUpDays()))));
        Map<Long, Candidate> byId = active.stream().collect(Collectors.toMap(Candidate::id, Function.identity()));
        for (Group group : round.groups()) {
            PairingGroup stored = groups.save(new PairingGroup(saved.getId(), group.matchesMode(), group.repeatPairs(),
                    now));
            for (long id : group.memberIds()) {
                PairingMember member = members.save(PairingMember.paired(saved.getId(), stored.getId(), byId.get(id), now));
                followUps.save(new PairingFollowUp(member, saved.getFollowUpAt()));
                messages.nudge(saved, member, false);
            }
        }
        for (Unmatched unmatched : round.unmatched()) {
            members.save(PairingMember.unmatched(saved.getId(), byId.get(unmatched.id()), unmatched.reason(), now));
            messages.update(unmatched.id(), "pairing-unmatched:r" + saved.getId() + ":p" + unmatched.id(),
                    unmatched.reason() == Unmatched.Reason.ALONE ? OutboxPayload.PairingUpdate.Change.NOBODY_FREE
                            : OutboxPayload.PairingUpdate.Change.NO_SUITABLE_PARTNER, programme, index);
        }
        int trios = (int) round.groups().stream().filter(Group::isTrio).count();
        return new RoundRun(saved.getId(), index + 1, plan.getTotalRounds(), round.mode(), active.size(),
                round.groups().size() - trios, trios, round.unmatched().size());
    }

    /**
     * Everyone the round will write about, locked first like any write about a person (in id order, so two rounds
     * never wait on each other): someone erasing their data meanwhile is left out of the round rather than left
     * behind in it. See {@link PersonLock}. The order the engine sees is kept.
     */
    private List<Candidate> stillHere(List<Candidate> candidates) {
        Set<Long> here = candidates.stream().map(Candidate::id).sorted().filter(people::lock)
                .collect(Collectors.toSet());
        return candidates.stream().filter(c -> here.contains(c.id())).toList();
    }

    /** Why no round can run now: the programme's dates, as the coach set them, and the rule. */
    static String outsideDates(ProgrammeInfo programme) {
        ProgrammeSettings settings = programme.settings();
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.ENGLISH);
        String dates = (settings.startsOn() == null ? "" : "from " + day.format(settings.startsOn()) + " ")
                + (settings.endsOn() == null ? "" : "to " + day.format(settings.endsOn()));
        return "\"" + programme.name() + "\" runs " + dates.strip() + ": peer-coaching rounds and check-ins run "
                + "only between its dates (from 00:00 on the first day to 23:59 on the last, " + settings.timeZone()
                + " time). Nothing was run. To change the dates, say \"edit programme\".";
    }

    /** Follow-ups whose day has come go into the outbox; those whose group has changed are dropped. */
    public int queueDueFollowUps() {
        Integer queued = tx.execute(status -> {
            int count = 0;
            for (PairingFollowUp followUp : followUps.findDue(clock.instant(), PageRequest.of(0, BATCH))) {
                PairingMember member = members.findById(followUp.getMemberId()).orElse(null);
                if (member == null || member.getStatus() != PlaceInRound.PAIRED
                        || !followUp.getGroupId().equals(member.getGroupId())) {
                    followUp.cancel();
                    continue;
                }
                messages.followUp(followUp);
                followUp.queued();
                count++;
            }
            return count;
        });
        return queued == null ? 0 : queued;
    }

    ZoneId zoneOf(long programmeId) {
        return programmes.find(programmeId).map(ProgrammeInfo::zone).orElse(ZoneId.of("Europe/London"));
    }
}
