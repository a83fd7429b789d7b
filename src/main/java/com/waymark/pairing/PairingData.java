package com.waymark.pairing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.waymark.privacy.PersonalDataHolder;
import com.waymark.programme.ParticipantInfo;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.ProgrammeInfo;
import com.waymark.programme.Programmes;
import org.springframework.stereotype.Component;

/**
 * A person's peer coaching: each round they were in and who they were put with (as they were shown them),
 * their follow-up answers, their opt-outs, and the pairs a coach ruled out that name them. Erasure removes
 * all of it; a group left with one member stays, as the other person's history, without them.
 */
@Component
class PairingData implements PersonalDataHolder {

    record PartnerShown(String name, String role, String organisation) {
    }

    record RoundTakenPart(String programme, int round, Instant on, String mode, String status,
                          List<PartnerShown> partners) {
    }

    record FollowUpAnswer(String programme, int round, String status, String met, Integer usefulness,
                          String oneThingYouWillDoDifferently, Instant answeredAt) {
    }

    record OptOut(String programme, Integer round) {
    }

    /**
     * A coach's rule keeping this person apart from someone: it is about them, so it is in their export, but the other
     * person is not named: what a coach decided about someone else is not theirs to read.
     */
    record PairingRuleAboutYou(String programme, String rule) {
        static final String RULE = "A coach chose never to pair you with one particular other participant of this "
                + "programme. Who that is stays with the coach.";
    }

    private final PairingMemberRepository members;
    private final PairingRoundRepository rounds;
    private final PairingFollowUpRepository followUps;
    private final PairingOptOutRepository optOuts;
    private final ForbiddenPairRepository forbidden;
    private final ParticipantService participants;
    private final Programmes programmes;

    PairingData(PairingMemberRepository members, PairingRoundRepository rounds, PairingFollowUpRepository followUps,
                PairingOptOutRepository optOuts, ForbiddenPairRepository forbidden, ParticipantService participants,
                Programmes programmes) {
        this.members = members;
        this.rounds = rounds;
        this.followUps = followUps;
        this.optOuts = optOuts;
        this.forbidden = forbidden;
        this.participants = participants;
        this.programmes = programmes;
    }

    @Override
    public String name() {
        return "peerCoaching";
    }

    @Override
    public Map<String, Object> export(long participantId) {
        List<RoundTakenPart> taken = new ArrayList<>();
        for (PairingMember member : members.findByParticipantIdOrderById(participantId)) {
            PairingRound round = rounds.findById(member.getRoundId()).orElseThrow();
            List<PartnerShown> partners = new ArrayList<>();
            if (member.getGroupId() != null) {
                for (PairingMember other : members.findByGroupIdOrderById(member.getGroupId())) {
                    if (!other.getId().equals(member.getId())) {
                        partners.add(new PartnerShown(personName(other.getParticipantId()), other.getRole(),
                                other.getOrganisation()));
                    }
                }
            }
            taken.add(new RoundTakenPart(programmeName(round.getProgrammeId()), round.getRoundIndex() + 1,
                    round.getRunAt(), round.getMode().label(), member.getStatus().name(), partners));
        }
        List<FollowUpAnswer> answers = new ArrayList<>();
        for (PairingFollowUp followUp : followUps.findByParticipantIdOrderById(participantId)) {
            PairingRound round = members.findById(followUp.getMemberId()).flatMap(m -> rounds.findById(m.getRoundId()))
                    .orElseThrow();
            answers.add(new FollowUpAnswer(programmeName(round.getProgrammeId()), round.getRoundIndex() + 1,
                    followUp.getStatus().name(), followUp.getMet() == null ? null : followUp.getMet().name(),
                    followUp.getUsefulness(), followUp.getOneThing(), followUp.getAnsweredAt()));
        }
        List<OptOut> outs = optOuts.findByParticipantIdOrderById(participantId).stream()
                .map(o -> new OptOut(programmeName(o.getProgrammeId()), o.getRoundId() == null ? null
                        : rounds.findById(o.getRoundId()).map(r -> r.getRoundIndex() + 1).orElse(null)))
                .toList();
        List<PairingRuleAboutYou> rules = forbidden.naming(participantId).stream()
                .map(f -> new PairingRuleAboutYou(programmeName(f.getProgrammeId()), PairingRuleAboutYou.RULE))
                .toList();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("rounds", taken);
        export.put("followUpAnswers", answers);
        export.put("optOuts", outs);
        export.put("pairingRulesAboutYou", rules);
        return export;
    }

    @Override
    public int erase(long participantId) {
        return followUps.deleteByParticipant(participantId) + optOuts.deleteByParticipant(participantId)
                + forbidden.deleteNaming(participantId) + members.deleteByParticipant(participantId);
    }

    private String personName(long participantId) {
        return participants.find(participantId).map(ParticipantInfo::displayName).orElse(null);
    }

    private String programmeName(long programmeId) {
        return programmes.find(programmeId).map(ProgrammeInfo::name).orElse(null);
    }
}
