package com.waymark.pairing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.waymark.privacy.ConsentService;
import com.waymark.privacy.PersonLock;
import com.waymark.programme.MembershipEnded;
import com.waymark.programme.ParticipantInfo;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import com.waymark.outbox.OutboxPayload;

/**
 * Peer coaching as a participant lives it: the nudge and the follow-up (as the edge renders them), "can't
 * this round", opting out and back in, answering the follow-up, and their own history.
 */
@Service
public class PeerCoachingParticipation {

    /** "Not yet" brings the follow-up back this much later. */
    public static final Duration SNOOZE = Duration.ofDays(2);
    static final int MAX_ONE_THING_CHARS = 500;

    /** Someone to meet, as the coach recorded them when the round ran; the Entra id is for the chat link only. */
    public record Partner(String name, String role, String organisation, String aadObjectId) {
    }

    /** Everything a nudge card shows. */
    public record Nudge(long memberId, String programme, String tenantId, int roundNumber, int totalRounds,
                        PairingMode mode, int followUpDays, boolean rematch, List<Partner> partners) {
    }

    /** Everything a follow-up card shows. */
    public record FollowUpQuestion(long followUpId, String programme, int roundNumber, List<String> partnerNames,
                                   int snoozesLeft) {
    }

    /** What answering the follow-up did. */
    public sealed interface FollowUpOutcome {

        record Saved(Met met) implements FollowUpOutcome {
        }

        record Snoozed(Instant until) implements FollowUpOutcome {
        }

        record AlreadyAnswered() implements FollowUpOutcome {
        }
    }

    /** "Can't this round": which round, and whether it had already been said. */
    /** @param partnersTold partners told of it: none when they were not paired this round (nobody to tell) */
    public record SteppedOut(String programme, int roundNumber, boolean already, int partnersTold) {
    }

    /** One round of someone's own history, with their whole follow-up answer (met, usefulness, one thing). */
    public record MyRound(String programme, int roundNumber, int totalRounds, Instant runAt, PairingMode mode,
                          PlaceInRound status, List<Partner> partners, Met met,
                          Integer usefulness, String oneThing) {
    }

    public record MyPairings(List<MyRound> rounds, List<String> optedOutOf) {
    }

    private final PairingRoundRepository rounds;
    private final PairingPlanRepository plans;
    private final PairingGroupRepository groups;
    private final PairingMemberRepository members;
    private final PairingFollowUpRepository followUps;
    private final PairingOptOutRepository optOuts;
    private final ParticipantService participants;
    private final Programmes programmes;
    private final PairingInputs inputs;
    private final PairingMessages messages;
    private final Clock clock;
    private final PersonLock people;
    private final ConsentService consent;

    public PeerCoachingParticipation(PairingRoundRepository rounds, PairingPlanRepository plans,
                                     PairingGroupRepository groups, PairingMemberRepository members,
                                     PairingFollowUpRepository followUps, PairingOptOutRepository optOuts,
                                     ParticipantService participants,
                                     Programmes programmes, PairingInputs inputs,
                                     PairingMessages messages, Clock clock, PersonLock people, ConsentService consent) {
        this.people = people;
        this.consent = consent;
        this.rounds = rounds;
        this.plans = plans;
        this.groups = groups;
        this.members = members;
        this.followUps = followUps;
        this.optOuts = optOuts;
        this.participants = participants;
        this.programmes = programmes;
        this.inputs = inputs;
        this.messages = messages;
        this.clock = clock;
    }

    // --- what the edge sends -----------------------------------------------------------------------------

    /** The nudge for this member of this group, or empty when it is no longer true (they or all partners left). */
    @Transactional(readOnly = true)
    public Optional<Nudge> nudge(long memberId, long groupId, boolean rematch) {
        PairingMember member = members.findById(memberId).orElse(null);
        if (member == null || member.getStatus() != PlaceInRound.PAIRED
                || !Objects.equals(member.getGroupId(), groupId)) {
            return Optional.empty();
        }
        List<Partner> partners = partners(member, true);
        if (partners.isEmpty()) {
            return Optional.empty();
        }
        PairingRound round = rounds.findById(member.getRoundId()).orElseThrow();
        PairingPlan plan = plans.findById(round.getPlanId()).orElseThrow();
        ProgrammeInfo programme = programmes.find(round.getProgrammeId()).orElseThrow();
        return Optional.of(new Nudge(member.getId(), programme.name(), programme.tenantId(),
                round.getRoundIndex() + 1, plan.getTotalRounds(), round.getMode(), plan.getFollowUpDays(), rematch,
                partners));
    }

    /** The follow-up question, or empty when it has been answered or dropped since it was queued. */
    @Transactional(readOnly = true)
    public Optional<FollowUpQuestion> followUp(long followUpId) {
        PairingFollowUp followUp = followUps.findById(followUpId).filter(f -> f.getStatus()
                == PairingFollowUp.Status.QUEUED).orElse(null);
        if (followUp == null) {
            return Optional.empty();
        }
        PairingMember member = members.findById(followUp.getMemberId()).orElseThrow();
        PairingRound round = rounds.findById(member.getRoundId()).orElseThrow();
        ProgrammeInfo programme = programmes.find(round.getProgrammeId()).orElseThrow();
        List<String> names = partners(member, false).stream().map(Partner::name).toList();
        return Optional.of(new FollowUpQuestion(followUpId, programme.name(), round.getRoundIndex() + 1, names,
                PairingFollowUp.MAX_SNOOZES - followUp.getSnoozes()));
    }

    /** The other members of the person's group: those still meeting, or everyone it was made with. */
    private List<Partner> partners(PairingMember member, boolean meetingOnly) {
        if (member.getGroupId() == null) {
            return List.of();
        }
        List<Partner> partners = new ArrayList<>();
        for (PairingMember other : members.findByGroupIdOrderById(member.getGroupId())) {
            if (other.getId().equals(member.getId())
                    || meetingOnly && other.getStatus() != PlaceInRound.PAIRED) {
                continue;
            }
            ParticipantInfo person = participants.find(other.getParticipantId()).orElse(null);
            if (person != null) {
                partners.add(new Partner(person.displayName() == null ? "(name not known yet)"
                        : person.displayName(), other.getRole(), other.getOrganisation(), person.aadObjectId()));
            }
        }
        return partners;
    }

    // --- what participants do ------------------------------------------------------------------------------

    /**
     * "Can't this round": recorded as an opt-out of that round; the partner of a pair is rematched with someone
     * else left alone this round if the rules allow, or told kindly that nobody is free; the two left of a trio
     * are told they can still meet.
     */
    @Transactional
    public SteppedOut cantThisRound(long participantId, long memberId) {
        people.lockForWrite(participantId);
        PairingMember member = members.findById(memberId).filter(m -> m.getParticipantId() == participantId)
                .orElseThrow(() -> new PairingProblem("I couldn't find that pairing. Say \"my pairings\" to see yours."));
        PairingRound round = rounds.findById(member.getRoundId()).orElseThrow();
        ProgrammeInfo programme = programmes.find(round.getProgrammeId()).orElseThrow();
        boolean already = member.getStatus() == PlaceInRound.WITHDRAWN;
        int told = withdraw(member, round, programme, clock.instant());
        return new SteppedOut(programme.name(), round.getRoundIndex() + 1, already, told);
    }

    /** The person's place in the round under way (the latest whose follow-up has not come yet), if any. */
    @Transactional(readOnly = true)
    public Optional<Long> currentMember(long participantId) {
        Instant now = clock.instant();
        return members.findByParticipantIdOrderById(participantId).stream()
                .filter(m -> m.getStatus() != PlaceInRound.WITHDRAWN)
                .filter(m -> rounds.findById(m.getRoundId()).map(r -> r.getFollowUpAt().isAfter(now)).orElse(false))
                .reduce((first, second) -> second).map(PairingMember::getId);
    }

    /**
     * Stops peer coaching in every programme the person takes part in, including any round under way (whose
     * partners are told as for "can't this round"). Returns the programmes.
     */
    @Transactional
    public List<String> optOut(long participantId) {
        people.lockForWrite(participantId);
        Instant now = clock.instant();
        List<String> names = new ArrayList<>();
        for (Programmes.Mine mine : activeProgrammes(participantId)) {
            ProgrammeInfo programme = mine.programme();
            if (!optOuts.existsByProgrammeIdAndParticipantIdAndRoundIdIsNull(programme.id(), participantId)) {
                optOuts.save(new PairingOptOut(programme.id(), participantId, null, now));
            }
            names.add(programme.name());
        }
        for (PairingMember member : members.findByParticipantIdOrderById(participantId)) {
            PairingRound round = rounds.findById(member.getRoundId()).orElseThrow();
            if (member.getStatus() != PlaceInRound.WITHDRAWN && round.getFollowUpAt().isAfter(now)) {
                withdraw(member, round, programmes.find(round.getProgrammeId()).orElseThrow(), now);
            }
        }
        return names;
    }

    /** Ends a standing opt-out everywhere; returns the programmes where they will be paired again. */
    @Transactional
    public List<String> optIn(long participantId) {
        people.lockForWrite(participantId);
        optOuts.deleteStanding(participantId);
        return activeProgrammes(participantId).stream().map(m -> m.programme().name()).toList();
    }

    private List<Programmes.Mine> activeProgrammes(long participantId) {
        return programmes.of(participantId).stream()
                .filter(m -> m.membership() != null && m.membership().isActive()).toList();
    }

    /**
     * The follow-up's answers, as they came from the card. "Not yet" brings it back in two days, up to
     * {@link PairingFollowUp#MAX_SNOOZES} times; after that it is stored as the answer.
     */
    @Transactional
    public FollowUpOutcome answer(long participantId, long followUpId, String metRaw, String usefulnessRaw,
                                  String oneThingRaw) {
        // The "one thing" is their own words: recorded only with their agreement (a withdrawal stops it too).
        consent.lockForRecording(participantId);
        PairingFollowUp followUp = followUps.findById(followUpId).filter(f -> f.getParticipantId() == participantId)
                .orElseThrow(() -> new PairingProblem("I couldn't find that follow-up; it may be from an older message."));
        if (followUp.getStatus() == PairingFollowUp.Status.ANSWERED) {
            return new FollowUpOutcome.AlreadyAnswered();
        }
        if (followUp.getStatus() == PairingFollowUp.Status.CANCELLED) {
            throw new PairingProblem("That pairing changed after this question was sent, so there's nothing to "
                    + "answer here. Say \"my pairings\" to see where things stand.");
        }
        Met met = met(metRaw);
        Integer usefulness = usefulness(usefulnessRaw);
        String oneThing = oneThingRaw == null || oneThingRaw.isBlank() ? null : oneThingRaw.strip();
        if (oneThing != null && oneThing.length() > MAX_ONE_THING_CHARS) {
            throw new PairingProblem("Please keep the one thing under " + MAX_ONE_THING_CHARS + " characters. "
                    + "Nothing was saved.");
        }
        Instant now = clock.instant();
        if (met == Met.NOT_YET && followUp.getSnoozes() < PairingFollowUp.MAX_SNOOZES) {
            Instant until = now.plus(SNOOZE);
            followUp.snoozeUntil(until);
            return new FollowUpOutcome.Snoozed(until);
        }
        followUp.answer(met, met == Met.YES ? usefulness : null, oneThing, now);
        return new FollowUpOutcome.Saved(met);
    }

    private static Met met(String raw) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return Met.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new PairingProblem("Please say whether you met: yes, no, or not yet. Nothing was saved.");
        }
    }

    private static Integer usefulness(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches("[1-5]")) {
            throw new PairingProblem("How useful it was is a number from 1 to 5. Nothing was saved.");
        }
        return Integer.valueOf(raw.strip());
    }

    @Transactional(readOnly = true)
    public MyPairings mine(long participantId) {
        List<MyRound> mine = new ArrayList<>();
        for (PairingMember member : members.findByParticipantIdOrderById(participantId)) {
            PairingRound round = rounds.findById(member.getRoundId()).orElseThrow();
            PairingPlan plan = plans.findById(round.getPlanId()).orElseThrow();
            String programme = programmes.find(round.getProgrammeId()).map(ProgrammeInfo::name).orElse("?");
            PairingFollowUp answered = followUps.findByMemberIdOrderById(member.getId()).stream()
                    .filter(f -> f.getStatus() == PairingFollowUp.Status.ANSWERED
                            && Objects.equals(f.getGroupId(), member.getGroupId())).findFirst().orElse(null);
            List<Partner> partners = member.getStatus() == PlaceInRound.PAIRED ? partners(member, false)
                    : List.of();
            mine.add(new MyRound(programme, round.getRoundIndex() + 1, plan.getTotalRounds(), round.getRunAt(),
                    round.getMode(), member.getStatus(), partners, answered == null ? null : answered.getMet(),
                    answered == null ? null : answered.getUsefulness(),
                    answered == null ? null : answered.getOneThing()));
        }
        mine.sort(Comparator.comparing(MyRound::runAt).reversed());
        List<String> optedOut = optOuts.findByParticipantIdOrderById(participantId).stream()
                .filter(o -> o.getRoundId() == null)
                .map(o -> programmes.find(o.getProgrammeId()).map(ProgrammeInfo::name).orElse("?")).toList();
        return new MyPairings(mine, optedOut);
    }

    /**
     * Someone who left the programme (or was removed from its team) is paired no more in it: out of a round under
     * way (their partners are told as for "can't this round"), their nudges still waiting withdrawn, and every
     * follow-up question still to come cancelled with its outbox row, in the same transaction as the leaving.
     */
    @EventListener
    void onMembershipEnded(MembershipEnded ended) {
        ProgrammeInfo programme = programmes.find(ended.programmeId()).orElse(null);
        if (programme == null) {
            return;
        }
        Instant now = clock.instant();
        for (PairingMember member : members.findByParticipantIdOrderById(ended.participantId())) {
            PairingRound round = rounds.findById(member.getRoundId()).orElseThrow();
            if (!round.getProgrammeId().equals(programme.id())) {
                continue;
            }
            if (member.getStatus() != PlaceInRound.WITHDRAWN && round.getFollowUpAt().isAfter(now)) {
                withdraw(member, round, programme, now);
            }
            messages.cancelNudges(round.getId(), ended.participantId());
            for (PairingFollowUp followUp : followUps.findByMemberIdOrderById(member.getId())) {
                if (followUp.isOpen()) {
                    followUp.cancel();
                    messages.cancelFollowUp(followUp);
                }
            }
        }
    }

    // --- stepping out and rematching ------------------------------------------------------------------------

    /** Returns how many partners are told (0 when the person was not in a pair or trio this round). */
    private int withdraw(PairingMember member, PairingRound round, ProgrammeInfo programme, Instant now) {
        PlaceInRound before = member.getStatus();
        if (before == PlaceInRound.WITHDRAWN) {
            return 0;
        }
        long participantId = member.getParticipantId();
        if (!optOuts.existsByParticipantIdAndRoundId(participantId, round.getId())) {
            optOuts.save(new PairingOptOut(programme.id(), participantId, round.getId(), now));
        }
        member.withdraw(now);
        followUps.findByMemberIdOrderById(member.getId()).forEach(PairingFollowUp::cancel);
        if (before != PlaceInRound.PAIRED || member.getGroupId() == null) {
            return 0;
        }
        List<PairingMember> left = members.findByGroupIdOrderById(member.getGroupId()).stream()
                .filter(m -> m.getStatus() == PlaceInRound.PAIRED).toList();
        if (left.size() >= 2) {
            for (PairingMember stays : left) {
                messages.update(stays.getParticipantId(), "pairing-partner-left:m" + member.getId() + ":p"
                        + stays.getParticipantId(), OutboxPayload.PairingUpdate.Change.PARTNER_LEFT_PAIR_STAYS,
                        programme, round.getRoundIndex());
            }
        } else if (left.size() == 1) {
            PairingMember alone = left.get(0);
            alone.alone(now);
            followUps.findByMemberIdOrderById(alone.getId()).forEach(PairingFollowUp::cancel);
            rematch(alone, member.getGroupId(), round, programme, now);
        }
        return left.size();
    }

    /**
     * Someone whose partners all stepped out meets another person this round has left without a partner, if the
     * coach's rules allow it (fewest earlier meetings first); otherwise they are told kindly, and stay first
     * in line should someone else become free before the round's follow-up.
     */
    private void rematch(PairingMember alone, long oldGroupId, PairingRound round, ProgrammeInfo programme, Instant now) {
        Optional<PairingMember> partner = Optional.empty();
        if (round.getFollowUpAt().isAfter(now)) {
            PairingRules rules = inputs.rules(programme.id());
            PairingHistory history = inputs.history(programme.id(), round.getPlanId());
            partner = members.findByRoundIdOrderById(round.getId()).stream()
                    .filter(m -> !m.getId().equals(alone.getId()))
                    .filter(m -> m.getStatus() == PlaceInRound.ALONE
                            || m.getStatus() == PlaceInRound.UNMATCHED)
                    .filter(m -> rules.allows(alone.getParticipantId(), m.getParticipantId()))
                    .min(Comparator.comparingInt((PairingMember m) -> history.timesMet(alone.getParticipantId(),
                            m.getParticipantId())).thenComparing(PairingMember::getId));
            if (partner.isPresent()) {
                PairingMember other = partner.get();
                boolean fits = round.getMode().matches(alone.candidate(), other.candidate());
                int repeats = history.timesMet(alone.getParticipantId(), other.getParticipantId()) > 0 ? 1 : 0;
                PairingGroup group = groups.save(new PairingGroup(round.getId(), fits, repeats, now));
                for (PairingMember member : List.of(alone, other)) {
                    member.rematch(group.getId(), now);
                    followUps.save(new PairingFollowUp(member, round.getFollowUpAt()));
                    messages.nudge(round, member, true);
                }
                return;
            }
        }
        messages.update(alone.getParticipantId(), "pairing-alone:m" + alone.getId() + ":g" + oldGroupId,
                round.getFollowUpAt().isAfter(now) ? OutboxPayload.PairingUpdate.Change.PARTNER_LEFT_MAY_REMATCH
                        : OutboxPayload.PairingUpdate.Change.PARTNER_LEFT_NEXT_ROUND, programme, round.getRoundIndex());
    }
}
