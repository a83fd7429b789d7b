package com.waymark.programme;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a programme's coaching team when one of its members erases their data. The last admin's leaving
 * would leave coaches nobody can add to or remove: the longest-serving remaining coach becomes admin, as the erasure
 * confirmation tells the person erasing before they confirm. The last member of the team leaving leaves the programme
 * with no coach or admin: it carries on for its participants, uncoached, and the confirmation says that too.
 */
final class AdminSuccession {

    private AdminSuccession() {
    }

    /** The coach who becomes admin when {@code leaving} goes, if they are its only admin and anyone else remains. */
    static Optional<StaffMember> successor(List<StaffMember> team, long leaving) {
        boolean lastAdmin = team.stream().anyMatch(s -> s.getParticipantId() == leaving
                && s.getRole() == StaffInfo.Role.ADMIN)
                && team.stream().noneMatch(s -> s.getParticipantId() != leaving
                        && s.getRole() == StaffInfo.Role.ADMIN);
        if (!lastAdmin) {
            return Optional.empty();
        }
        return team.stream().filter(s -> s.getParticipantId() != leaving)
                .min(Comparator.comparing(StaffMember::getAddedAt).thenComparing(StaffMember::getParticipantId));
    }

    /** True when nobody else is on the team: after they go, the programme has no coach or admin. */
    static boolean leavesNobody(List<StaffMember> team, long leaving) {
        return team.stream().allMatch(s -> s.getParticipantId() == leaving);
    }
}
