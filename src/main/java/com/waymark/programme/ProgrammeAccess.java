package com.waymark.programme;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what to a programme. Platform admins come from configuration ({@code waymark.admins}, Entra
 * object ids); coaches and programme admins from the programme's staff list.
 */
@Component
public class ProgrammeAccess {

    private final StaffRepository staff;
    private final Set<String> platformAdmins;
    private final boolean openCreation;

    public ProgrammeAccess(StaffRepository staff, @Value("${waymark.admins:}") String admins,
                           @Value("${waymark.bot.app-id:}") String appId) {
        this.staff = staff;
        this.platformAdmins = Set.of(admins.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        // Local trial (no credentials, localhost only) with no admins configured: anyone may try coaching.
        this.openCreation = platformAdmins.isEmpty() && appId.isBlank();
    }

    public boolean canCreateProgrammes(Participant participant) {
        return openCreation || isPlatformAdmin(participant) || staff.existsByParticipantId(participant.getId());
    }

    public boolean isPlatformAdmin(Participant participant) {
        return participant.getAadObjectId() != null && platformAdmins.contains(participant.getAadObjectId());
    }

    @Transactional(readOnly = true)
    public boolean isCoach(long programmeId, long participantId) {
        return staff.findByProgrammeIdAndParticipantId(programmeId, participantId).isPresent();
    }

    @Transactional(readOnly = true)
    public boolean isAdmin(long programmeId, long participantId) {
        return staff.findByProgrammeIdAndParticipantId(programmeId, participantId)
                .map(s -> s.getRole() == StaffMember.Role.ADMIN).orElse(false);
    }
}
