package com.waymark.programme;

import java.time.Instant;
import java.util.List;

import com.waymark.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** Invitations to a coaching team the person made as an admin (never the codes: only their hashes are stored). */
@Component
class StaffInvitationData implements PersonalDataHolder {

    record InvitationMade(String programme, StaffInfo.Role role, Instant createdAt, Instant expiresAt) {
    }

    private final StaffInvitationRepository invitations;
    private final ProgrammeRepository programmes;

    StaffInvitationData(StaffInvitationRepository invitations, ProgrammeRepository programmes) {
        this.invitations = invitations;
        this.programmes = programmes;
    }

    @Override
    public String name() {
        return "staffInvitations";
    }

    @Override
    public List<InvitationMade> export(long participantId) {
        return invitations.findByInvitedBy(participantId).stream().map(i -> new InvitationMade(
                programmes.findById(i.getProgrammeId()).map(Programme::getName).orElse(null), i.getRole(),
                i.getCreatedAt(), i.getExpiresAt())).toList();
    }

    /** Their invitations not yet accepted go with them: nobody can join a team on the word of someone erased. */
    @Override
    public int erase(long participantId) {
        return invitations.deleteByInvitedBy(participantId);
    }
}
