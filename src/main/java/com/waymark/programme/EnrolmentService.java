package com.waymark.programme;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Collectors;

import com.waymark.privacy.ConsentService;
import com.waymark.privacy.PersonLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bringing people into programmes (roster, join code, coach's card), describing them, and letting them go.
 * <p>
 * What it returns holding entities ({@link Enrolment}, {@link Member}, {@link #leave}, {@link #describe},
 * {@link #correctOwn}) is the edge's, until its older conversations become slices; other modules read members as
 * values through {@link Programmes#members}.
 */
@Service
public class EnrolmentService {

    /** What enrolling one person did: {@code added} is false when they were already an active member. */
    public record Enrolment(Programme programme, MembershipInfo membership, boolean added) {
    }

    /** A coach's description of a member; blank values clear a field. */
    public record MemberDetails(String role, String organisation, Long groupId, Long lineManagerId) {
    }

    /** One active member, with what a coach needs to set the programme up. */
    public record Member(Participant participant, MembershipInfo membership, String groupName) {
    }

    private static final int MEMBER_CHUNK = 1000;

    /** A coach may describe only someone who agreed: before that, only what it takes to reach them is kept. */
    public static final String NOT_AGREED = "They have not agreed to the privacy notice yet, and nothing about them "
            + "beyond what it takes to reach them is recorded until they do: describe them once they have.";

    private final ProgrammeRepository programmes;
    private final MembershipRepository memberships;
    private final ProgrammeGroupRepository groups;
    private final ParticipantRepository participants;
    private final TeamLinkRepository teamLinks;
    private final ProgrammeService programmeService;
    private final Clock clock;
    private final PersonLock people;
    private final ConsentService consent;
    private final ApplicationEventPublisher events;

    public EnrolmentService(ProgrammeRepository programmes, MembershipRepository memberships,
                            ProgrammeGroupRepository groups, ParticipantRepository participants,
                            TeamLinkRepository teamLinks, ProgrammeService programmeService, Clock clock,
                            PersonLock people, ApplicationEventPublisher events, ConsentService consent) {
        this.consent = consent;
        this.people = people;
        this.events = events;
        this.programmes = programmes;
        this.memberships = memberships;
        this.groups = groups;
        this.participants = participants;
        this.teamLinks = teamLinks;
        this.programmeService = programmeService;
        this.clock = clock;
    }

    /** Idempotent: enrolling someone twice changes nothing the second time; someone who left comes back. */
    @Transactional
    public Enrolment enrol(long programmeId, long participantId, MembershipInfo.Via via) {
        Programme programme = programmes.findById(programmeId).orElseThrow();
        Optional<Membership> existing = memberships.findByProgrammeIdAndParticipantId(programmeId, participantId);
        if (existing.isPresent()) {
            Membership membership = existing.get();
            if (membership.isActive()) {
                return new Enrolment(programme, membership.info(), false);
            }
            membership.rejoin(clock.instant());
            events.publishEvent(new MembershipStarted(participantId, programmeId, true, via));
            return new Enrolment(programme, membership.info(), true);
        }
        Membership membership = memberships.save(new Membership(programmeId, participantId, via, clock.instant()));
        participants.findById(participantId).ifPresent(p -> p.useProgramme(programmeId));
        events.publishEvent(new MembershipStarted(participantId, programmeId, false, via));
        return new Enrolment(programme, membership.info(), true);
    }

    /** A coach enrols someone by card: only coaches of the programme may. */
    @Transactional
    public Enrolment enrolByCoach(long coachId, long programmeId, long participantId, MembershipInfo.Via via) {
        programmeService.coached(coachId, programmeId);
        return enrol(programmeId, participantId, via);
    }

    /** Puts an active member in a group (used when a coach enrols people straight into one). */
    @Transactional
    public void assignGroup(long programmeId, long participantId, long groupId) {
        Membership membership = activeMembership(programmeId, participantId);
        applyDetails(programmeId, participantId, new MemberDetails(membership.getRole(), membership.getOrganisation(),
                groupId, membership.getLineManagerId()));
    }

    @Transactional
    public Enrolment join(long participantId, String typedCode) {
        people.lockForWrite(participantId);
        String code = JoinCodes.normalise(typedCode);
        Programme programme = programmes.findByJoinCode(code).orElseThrow(() -> new ProgrammeProblem(
                "I don't recognise the code \"" + (typedCode == null ? "" : typedCode.strip())
                        + "\". Please check it with your coach: it looks like ABC-123."));
        Participant participant = participants.findById(participantId).orElseThrow();
        if (!programme.getTenantId().isEmpty() && !programme.getTenantId().equals(participant.getTenantId())) {
            throw new ProgrammeProblem("That code belongs to a programme in another organisation's Teams.");
        }
        return enrol(programme.getId(), participantId, MembershipInfo.Via.CODE);
    }

    /** Ends their membership; what was planned or queued for them in it is cancelled in the same commit. */
    @Transactional
    public Programme leave(long participantId, String programmeName) {
        people.lockForWrite(participantId);
        Programme programme = programmeName == null || programmeName.isBlank()
                ? programmeService.current(participantId).orElseThrow(() -> new ProgrammeProblem(
                        "Which programme would you like to leave? Say \"leave programme\" and its name. "
                                + "\"my programmes\" lists them."))
                : programmeService.use(participantId, programmeName);
        Membership membership = memberships.findByProgrammeIdAndParticipantId(programme.getId(), participantId)
                .filter(Membership::isActive)
                .orElseThrow(() -> new ProgrammeProblem("You are not taking part in \"" + programme.getName() + "\"."));
        membership.end(MembershipInfo.Status.LEFT, clock.instant());
        events.publishEvent(new MembershipEnded(participantId, programme.getId(), MembershipInfo.Status.LEFT));
        return programme;
    }

    @Transactional
    public MembershipInfo describe(long coachId, long programmeId, long participantId, MemberDetails details) {
        programmeService.coached(coachId, programmeId);
        // The coach writes about someone else, who may have erased their data a moment ago.
        if (!people.lock(participantId)) {
            throw new ProgrammeProblem("That person is no longer in Waymark: they have erased their data.");
        }
        if (!consent.hasConsented(participantId)) {
            throw new ProgrammeProblem(NOT_AGREED);
        }
        if (details.lineManagerId() != null && !consent.hasConsented(details.lineManagerId())) {
            throw new ProgrammeProblem("Their line manager has not agreed to the privacy notice yet, and nothing "
                    + "about them is recorded until they do: choose them once they have.");
        }
        return applyDetails(programmeId, participantId, details).info();
    }

    /** The person corrects what their coach recorded about them (role and organisation, not group). */
    @Transactional
    public MembershipInfo correctOwn(long participantId, long programmeId, String role, String organisation) {
        people.lockForWrite(participantId);
        Membership membership = activeMembership(programmeId, participantId);
        return applyDetails(programmeId, participantId, new MemberDetails(role, organisation,
                membership.getGroupId(), membership.getLineManagerId())).info();
    }

    /**
     * The programme's active members with their people and group names, in three reads however many they are
     * (people in chunks: PostgreSQL takes at most 32,767 parameters in one statement), not one read per member.
     */
    @Transactional(readOnly = true)
    public List<Member> members(long programmeId) {
        List<Membership> active = memberships.findByProgrammeId(programmeId).stream().filter(Membership::isActive)
                .toList();
        Map<Long, String> groupNames = groups.findByProgrammeIdOrderByName(programmeId).stream()
                .collect(Collectors.toMap(ProgrammeGroup::getId, ProgrammeGroup::getName));
        List<Long> ids = active.stream().map(Membership::getParticipantId).toList();
        Map<Long, Participant> people = new HashMap<>();
        for (int i = 0; i < ids.size(); i += MEMBER_CHUNK) {
            participants.findAllById(ids.subList(i, Math.min(ids.size(), i + MEMBER_CHUNK)))
                    .forEach(p -> people.put(p.getId(), p));
        }
        return active.stream()
                .map(m -> new Member(Optional.ofNullable(people.get(m.getParticipantId())).orElseThrow(), m.info(),
                        m.getGroupId() == null ? null : groupNames.get(m.getGroupId())))
                .sorted((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(nameOf(a), nameOf(b)))
                .toList();
    }

    /** The programme's active members and their group id, or {@code -1} for members in no group. */
    @Transactional(readOnly = true)
    public Map<Long, Long> activeMemberGroups(long programmeId) {
        return memberships.findByProgrammeId(programmeId).stream().filter(Membership::isActive)
                .collect(Collectors.toMap(Membership::getParticipantId,
                        m -> m.getGroupId() == null ? -1L : m.getGroupId(), (a, b) -> a));
    }

    /** Someone left a team that is linked to programmes: they stop being messaged for those programmes. */
    @Transactional
    public int removedFromTeam(String conversationOrTeamId, TeamsIdentity identity) {
        Optional<Participant> participant = participants.findByTenantIdAndIdentityKey(identity.tenantOrBlank(),
                identity.identityKey());
        if (participant.isEmpty()) {
            return 0;
        }
        // Written about them, and what was planned for them goes too: locked like any write about a person.
        if (!people.lock(participant.get().getId())) {
            return 0;
        }
        int ended = 0;
        List<TeamLink> links = teamLinks.findByConversationId(conversationOrTeamId).map(List::of)
                .orElseGet(() -> teamLinks.findByTeamId(conversationOrTeamId));
        for (TeamLink link : links) {
            if (link.getProgrammeId() == null) {
                continue;
            }
            Optional<Membership> membership = memberships.findByProgrammeIdAndParticipantId(link.getProgrammeId(),
                    participant.get().getId()).filter(Membership::isActive);
            if (membership.isPresent() && membership.get().getEnrolledVia() == MembershipInfo.Via.ROSTER) {
                membership.get().end(MembershipInfo.Status.REMOVED, clock.instant());
                events.publishEvent(new MembershipEnded(participant.get().getId(), link.getProgrammeId(),
                        MembershipInfo.Status.REMOVED));
                ended++;
            }
        }
        return ended;
    }

    private Membership applyDetails(long programmeId, long participantId, MemberDetails details) {
        Membership membership = activeMembership(programmeId, participantId);
        String role = clean(details.role(), 120, "role");
        String organisation = clean(details.organisation(), 200, "organisation");
        if (details.groupId() != null && groups.findById(details.groupId())
                .filter(g -> g.getProgrammeId().equals(programmeId)).isEmpty()) {
            throw new ProgrammeProblem("That group is not part of this programme.");
        }
        if (details.lineManagerId() != null && (details.lineManagerId() == participantId
                || memberships.findByProgrammeIdAndParticipantId(programmeId, details.lineManagerId()).isEmpty())) {
            throw new ProgrammeProblem("A line manager must be someone else in the same programme.");
        }
        membership.describe(role, organisation, details.groupId(), details.lineManagerId());
        return membership;
    }

    private Membership activeMembership(long programmeId, long participantId) {
        return memberships.findByProgrammeIdAndParticipantId(programmeId, participantId).filter(Membership::isActive)
                .orElseThrow(() -> new ProgrammeProblem("That person is not an active member of this programme."));
    }

    private static String clean(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip().replaceAll("\\s+", " ");
        if (clean.length() > max) {
            throw new ProgrammeProblem("Please keep the " + what + " under " + max + " characters.");
        }
        return clean;
    }

    private static String nameOf(Member member) {
        return member.participant().getDisplayName() == null ? "" : member.participant().getDisplayName();
    }
}
