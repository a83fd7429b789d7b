package com.waymark.programme;

import java.time.Instant;
import java.util.List;

import com.waymark.privacy.PersonalDataHolder;
import com.waymark.privacy.ProgrammeDataHolder;
import org.springframework.stereotype.Component;

/**
 * The person's places in programmes, as their coach described them. Erasing also removes them as anyone's
 * line manager: the other person's membership stays, without the pointer. Once a programme's retention has passed,
 * its places go too (role, organisation, group, line manager): who took part is personal data as well.
 */
@Component
class MembershipData implements PersonalDataHolder, ProgrammeDataHolder {

    record Place(String programme, String group, String role, String organisation, String lineManager,
                 MembershipInfo.Status status, MembershipInfo.Via enrolledVia, Instant joinedAt, Instant leftAt) {
    }

    private final MembershipRepository memberships;
    private final ProgrammeRepository programmes;
    private final ProgrammeGroupRepository groups;
    private final ParticipantRepository participants;

    MembershipData(MembershipRepository memberships, ProgrammeRepository programmes, ProgrammeGroupRepository groups,
                   ParticipantRepository participants) {
        this.memberships = memberships;
        this.programmes = programmes;
        this.groups = groups;
        this.participants = participants;
    }

    @Override
    public String name() {
        return "memberships";
    }

    @Override
    public List<Place> export(long participantId) {
        return memberships.findByParticipantId(participantId).stream().map(m -> new Place(
                programmes.findById(m.getProgrammeId()).map(Programme::getName).orElse(null),
                m.getGroupId() == null ? null
                        : groups.findById(m.getGroupId()).map(ProgrammeGroup::getName).orElse(null),
                m.getRole(), m.getOrganisation(),
                m.getLineManagerId() == null ? null
                        : participants.findById(m.getLineManagerId()).map(Participant::getDisplayName).orElse(null),
                m.getStatus(), m.getEnrolledVia(), m.getJoinedAt(), m.getLeftAt())).toList();
    }

    @Override
    public int erase(long participantId) {
        return memberships.forgetLineManager(participantId) + memberships.deleteByParticipant(participantId);
    }

    @Override
    public int eraseProgrammeData(long programmeId) {
        return memberships.deleteByProgramme(programmeId);
    }
}
