package com.waymark.programme;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may read of programmes, their groups and their members: values copied inside programme's own
 * transaction, never its entities. The same answers and refusals as {@link ProgrammeService} and
 * {@link EnrolmentService} give the edge, in the same reads.
 */
@Service
public class Programmes {

    /** A programme as one person sees it: as a member (active or not; null if never one), on its staff, or both. */
    public record Mine(ProgrammeInfo programme, MembershipInfo membership, boolean staff) {

        public boolean activeMember() {
            return membership != null && membership.isActive();
        }
    }

    /** One active member, with their group's name (null when in no group). */
    public record Member(ParticipantInfo person, MembershipInfo membership, String groupName) {
    }

    private final ProgrammeService programmes;
    private final EnrolmentService enrolment;
    private final ProgrammeRepository rows;
    private final MembershipRepository memberships;

    Programmes(ProgrammeService programmes, EnrolmentService enrolment, ProgrammeRepository rows,
               MembershipRepository memberships) {
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.rows = rows;
        this.memberships = memberships;
    }

    /** Any programme by id, for what is composed later from the ids it carries. */
    @Transactional(readOnly = true)
    public Optional<ProgrammeInfo> find(long programmeId) {
        return rows.findById(programmeId).map(Programme::info);
    }

    /** The programme, if this person coaches it; otherwise {@link ProgrammeService#NOT_YOURS}. */
    @Transactional(readOnly = true)
    public ProgrammeInfo coached(long coachId, long programmeId) {
        return programmes.coached(coachId, programmeId).info();
    }

    /** The programme a coach's command applies to, or a kind explanation of how to choose one. */
    @Transactional(readOnly = true)
    public ProgrammeInfo currentCoached(long coachId) {
        return programmes.currentCoached(coachId).info();
    }

    /** The programme someone's commands are about (see {@link ProgrammeService#current}). */
    @Transactional(readOnly = true)
    public Optional<ProgrammeInfo> current(long participantId) {
        return programmes.current(participantId).map(Programme::info);
    }

    /** Every programme this person is or was a member of, or is on the staff of, by name. */
    @Transactional(readOnly = true)
    public List<Mine> of(long participantId) {
        return programmes.programmesOf(participantId).stream().map(m -> new Mine(m.programme().info(),
                m.membership(), m.staffRole() != null)).toList();
    }

    /** Who is on the programme's coaching team: the people who never count towards its figures. */
    public Set<Long> staffIds(long programmeId) {
        return programmes.staffIds(programmeId);
    }

    /** The programme's active members and their group id, or {@code -1} for members in no group. */
    public Map<Long, Long> activeMemberGroups(long programmeId) {
        return enrolment.activeMemberGroups(programmeId);
    }

    /** The programme's groups, by name. */
    @Transactional(readOnly = true)
    public List<GroupInfo> groups(long programmeId) {
        return programmes.groups(programmeId);
    }

    /** The programme's active members, by name, in three reads however many they are. */
    @Transactional(readOnly = true)
    public List<Member> members(long programmeId) {
        return enrolment.members(programmeId).stream().map(m -> new Member(m.participant().info(),
                m.membership(), m.groupName())).toList();
    }

    /** Someone's membership of a programme, active or not; empty when they never joined it. */
    @Transactional(readOnly = true)
    public Optional<MembershipInfo> membership(long programmeId, long participantId) {
        return memberships.findByProgrammeIdAndParticipantId(programmeId, participantId).map(Membership::info);
    }

    /** Every membership of a programme, active or not, in one read. */
    @Transactional(readOnly = true)
    public List<MembershipInfo> memberships(long programmeId) {
        return memberships.findByProgrammeId(programmeId).stream().map(Membership::info).toList();
    }
}
