package com.waymark.programme;

import java.time.Instant;
import java.util.List;

import com.waymark.privacy.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** The person's roles on coaching teams. */
@Component
class StaffData implements PersonalDataHolder {

    record CoachingRole(String programme, StaffInfo.Role role, Instant addedAt) {
    }

    private final StaffRepository staff;
    private final ProgrammeRepository programmes;

    StaffData(StaffRepository staff, ProgrammeRepository programmes) {
        this.staff = staff;
        this.programmes = programmes;
    }

    @Override
    public String name() {
        return "coachingRoles";
    }

    @Override
    public List<CoachingRole> export(long participantId) {
        return staff.findByParticipantId(participantId).stream().map(s -> new CoachingRole(
                programmes.findById(s.getProgrammeId()).map(Programme::getName).orElse(null), s.getRole(),
                s.getAddedAt())).toList();
    }

    /** Hands each programme they were the only admin of to its longest-serving coach first (see AdminSuccession). */
    @Override
    public int erase(long participantId) {
        for (StaffMember role : staff.findByParticipantId(participantId)) {
            AdminSuccession.successor(staff.findByProgrammeId(role.getProgrammeId()), participantId)
                    .ifPresent(next -> next.changeRole(StaffInfo.Role.ADMIN));
        }
        return staff.deleteByParticipant(participantId);
    }
}
