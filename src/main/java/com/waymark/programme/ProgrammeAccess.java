package com.waymark.programme;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what to a programme. Platform admins come from configuration ({@code waymark.admins}, Entra
 * object ids); coaches and programme admins from the programme's staff list.
 */
@Component
@EnableConfigurationProperties(AdminSettings.class)
public class ProgrammeAccess {

    private final StaffRepository staff;
    private final Set<String> platformAdmins;
    private final boolean openCreation;

    public ProgrammeAccess(StaffRepository staff, AdminSettings admins,
                           @Value("${waymark.bot.app-id:}") String appId) {
        this.staff = staff;
        this.platformAdmins = Set.copyOf(admins.admins());
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
                .map(s -> s.getRole() == StaffInfo.Role.ADMIN).orElse(false);
    }
}
