package com.waymark.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.waymark.privacy.ConsentService;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.ParticipantInfo;
import com.waymark.programme.Programmes;
import com.waymark.schedule.PersonalScheduleService;
import org.springframework.stereotype.Component;

/**
 * What the engine needs for a round, read from the other modules and our own tables: who is active, the
 * coach's rules, and who has met whom across the whole programme.
 */
@Component
class PairingInputs {
    private final Programmes programmes;
    private final ConsentService consent;
    private final PersonalScheduleService personal;
    private final PairingOptOutRepository optOuts;
    private final ForbiddenPairRepository forbidden;
    private final PairingRoundRepository rounds;
    private final PairingMemberRepository members;

    PairingInputs(Programmes programmes, ConsentService consent, PersonalScheduleService personal, PairingOptOutRepository optOuts, ForbiddenPairRepository forbidden,
                  PairingRoundRepository rounds, PairingMemberRepository members) {
        this.programmes = programmes;
        this.consent = consent;
        this.personal = personal;
        this.optOuts = optOuts;
        this.forbidden = forbidden;
        this.rounds = rounds;
        this.members = members;
    }

    /**
     * Everyone the plan covers who is active now: a member (of the plan's group, if it has one) who agreed to
     * the privacy notice, can be reached in a 1:1 chat, has not paused, is not on leave today (their own
     * day) and has not opted out of this programme's peer coaching. Nobody else is passed to the engine,
     * and nobody left out is told anything.
     */
    List<Candidate> active(PairingPlan plan, Instant now) {
        List<Candidate> active = new ArrayList<>();
        for (Programmes.Member member : programmes.members(plan.getProgrammeId())) {
            if (plan.getGroupId() != null && !plan.getGroupId().equals(member.membership().groupId())) {
                continue;
            }
            ParticipantInfo person = member.person();
            if (isActive(person, plan.getProgrammeId(), now)) {
                active.add(new Candidate(person.id(), member.membership().role(),
                        member.membership().organisation()));
            }
        }
        return active;
    }

    /**
     * People the plan covers who agreed to the notice but have no 1:1 chat with Waymark to be reached in. Someone who
     * removed the app is not counted: that was their choice, and like a pause it is nobody else's business.
     */
    int withoutChat(PairingPlan plan) {
        int count = 0;
        for (Programmes.Member member : programmes.members(plan.getProgrammeId())) {
            if ((plan.getGroupId() == null || plan.getGroupId().equals(member.membership().groupId()))
                    && !member.person().hasChat()
                    && consent.hasConsented(member.person().id())) {
                count++;
            }
        }
        return count;
    }

    private boolean isActive(ParticipantInfo person, long programmeId, Instant now) {
        long id = person.id();
        return person.messageable() && consent.hasConsented(id)
                && !paused(id, now) && !onLeave(person, now)
                && !optOuts.existsByProgrammeIdAndParticipantIdAndRoundIdIsNull(programmeId, id);
    }

    private boolean paused(long participantId, Instant now) {
        return personal.pausedAt(participantId, now);
    }

    private boolean onLeave(ParticipantInfo person, Instant now) {
        LocalDate today = now.atZone(personal.zone(person)).toLocalDate();
        return personal.onLeave(person.id(), today);
    }

    /** Line management as the coach recorded it on memberships, and the pairs the coach has forbidden. */
    PairingRules rules(long programmeId) {
        PairingRules rules = PairingRules.none();
        for (MembershipInfo membership : programmes.memberships(programmeId)) {
            Long manager = membership.lineManagerId();
            if (manager != null && !manager.equals(membership.participantId())) {
                rules = rules.withLineManagement(manager, membership.participantId());
            }
        }
        for (ForbiddenPair pair : forbidden.findByProgrammeIdOrderById(programmeId)) {
            rules = rules.withForbidden(pair.pair().low(), pair.pair().high());
        }
        return rules;
    }

    /**
     * Who has met whom in any round of the programme, from every plan it has had: members still in their
     * group (those who stepped out met nobody). Rounds of this plan keep their index, so the engine can
     * spread repeats out; meetings from earlier plans count with an unknown round.
     */
    PairingHistory history(long programmeId, long planId) {
        List<PairingRound> all = rounds.findByProgrammeIdOrderByRunAtAscIdAsc(programmeId);
        Map<Long, PairingRound> byId = all.stream().collect(Collectors.toMap(PairingRound::getId, r -> r));
        Map<Long, List<PairingMember>> groups = members.findByRoundIdInOrderById(byId.keySet()).stream()
                .filter(m -> m.getStatus() == PlaceInRound.PAIRED && m.getGroupId() != null)
                .collect(Collectors.groupingBy(PairingMember::getGroupId));
        Map<PairKey, PairingHistory.Meeting> meetings = new HashMap<>();
        for (List<PairingMember> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            PairingRound round = byId.get(group.get(0).getRoundId());
            int index = round.getPlanId() == planId ? round.getRoundIndex() : PairingHistory.Meeting.UNKNOWN_ROUND;
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    meetings.merge(PairKey.of(group.get(i).getParticipantId(), group.get(j).getParticipantId()),
                            new PairingHistory.Meeting(1, index), (a, b) -> new PairingHistory.Meeting(
                                    a.times() + b.times(), Math.max(a.lastRound(), b.lastRound())));
                }
            }
        }
        return new PairingHistory(meetings);
    }
}
