package com.waymark.programme;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.waymark.privacy.ConsentService;
import com.waymark.privacy.PrivacySettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and shaping programmes: settings, groups, the coaching team, and which programme is "current".
 * <p>
 * The methods that hand out entities ({@link Programme}, {@link ProgrammeGroup}, {@link StaffMember},
 * {@link Participant}, and {@link MyProgramme}, {@link ProgrammeOverview}, {@link Handover} holding them) are the
 * edge's: its older conversations ({@code teams.ProgrammeConversation}, {@code InsightConversation},
 * {@code TeamChatConversation}, {@code ParticipantConversation}) render them until they become slices. Every other
 * module reads programmes as values through {@link Programmes}, and creates through {@link #newProgramme}.
 */
@Service
public class ProgrammeService {

    /** A programme as one person sees it: as a member, as staff, or both. */
    public record MyProgramme(Programme programme, MembershipInfo membership, StaffInfo.Role staffRole) {
    }

    /** The one answer for a programme that is not the sender's, whether it exists or not. */
    public static final String NOT_YOURS = "That isn't a programme you coach. Say \"my programmes\" to see yours.";
    private static final String NOT_A_CANDIDATE = "I can only add people who take part in \"%s\" (in your "
            + "organisation's Teams). Say \"coaches\" and choose someone from the card.";
    static final String NEEDS_AN_ADMIN = "\"%s\" needs at least one admin; make someone else an admin first.";

    /** The one answer for a person who can't be put on (or taken off) this programme's coaching team. */
    public static String notACandidate(String programmeName) {
        return NOT_A_CANDIDATE.formatted(programmeName);
    }

    private final ProgrammeRepository programmes;
    private final ProgrammeGroupRepository groups;
    private final MembershipRepository memberships;
    private final StaffRepository staff;
    private final ParticipantRepository participants;
    private final ProgrammeAccess access;
    private final ConsentService consent;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration thresholdNotice;

    /**
     * @param privacySettings its notice days: how long after a coach lowers the confidentiality threshold it
     *                        applies, the time participants have, once told, to leave or erase their data first
     */
    private final JdbcTemplate jdbc;

    public ProgrammeService(ProgrammeRepository programmes, ProgrammeGroupRepository groups,
                            MembershipRepository memberships, StaffRepository staff,
                            ParticipantRepository participants, ProgrammeAccess access, ConsentService consent,
                            Clock clock, ApplicationEventPublisher events,
                            PrivacySettings privacySettings, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.events = events;
        this.thresholdNotice = Duration.ofDays(privacySettings.thresholdNoticeDays());
        this.programmes = programmes;
        this.groups = groups;
        this.memberships = memberships;
        this.staff = staff;
        this.participants = participants;
        this.access = access;
        this.consent = consent;
        this.clock = clock;
    }

    @Transactional
    public Programme create(long creatorId, ProgrammeSettings settings) {
        Participant creator = participants.findById(creatorId).orElseThrow();
        if (!access.canCreateProgrammes(creator)) {
            throw new ProgrammeProblem("Only coaches and Waymark admins can create programmes. If you coach a "
                    + "programme, ask your Waymark admin to add you.");
        }
        requireValid(settings);
        String code;
        do {
            code = JoinCodes.next();
        } while (programmes.existsByJoinCode(code));
        Programme programme = programmes.save(new Programme(creator.getTenantId(), settings, code, clock.instant()));
        staff.save(new StaffMember(programme.getId(), creatorId, StaffInfo.Role.ADMIN, clock.instant()));
        creator.useProgramme(programme.getId());
        return programme;
    }

    /** {@link #create}, the programme as a value: for modules other than the edge (the demo's sample programme). */
    @Transactional
    public ProgrammeInfo newProgramme(long creatorId, ProgrammeSettings settings) {
        return create(creatorId, settings).info();
    }

    @Transactional
    public Programme update(long coachId, long programmeId, ProgrammeSettings settings) {
        Programme programme = coached(coachId, programmeId);
        requireValid(settings);
        // Participants are told in the same transaction (ThresholdLowering's listener queues their messages).
        programme.apply(settings, clock.instant(), thresholdNotice).ifPresent(events::publishEvent);
        return programme;
    }

    /** A new group in the coach's programme, its name unique there regardless of case and spacing. */
    @Transactional
    public GroupInfo newGroup(long coachId, long programmeId, String name) {
        Programme programme = coached(coachId, programmeId);
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > 120) {
            throw new ProgrammeProblem("Give the group a name of up to 120 characters, for example: "
                    + "add group North ICP leadership team.");
        }
        if (groups.findByProgrammeIdAndNameKey(programme.getId(), ProgrammeGroup.key(clean)).isPresent()) {
            throw new ProgrammeProblem("\"" + programme.getName() + "\" already has a group called " + clean + ".");
        }
        return groups.save(new ProgrammeGroup(programme.getId(), clean)).info();
    }

    /** The programme's groups, by name. */
    @Transactional(readOnly = true)
    public List<GroupInfo> groups(long programmeId) {
        return groups.findByProgrammeIdOrderByName(programmeId).stream().map(ProgrammeGroup::info).toList();
    }

    /**
     * The programme someone's commands are about: the one they last chose, else the only one they coach,
     * else the only one they belong to.
     */
    /** Whether any programme has this exact name (names are not unique: a sample programme looks for itself). */
    @Transactional(readOnly = true)
    public boolean existsNamed(String name) {
        return programmes.existsByName(name);
    }

    /** Any programme by id, for messages composed when sent from the ids they carry. */
    @Transactional(readOnly = true)
    public Optional<Programme> find(long programmeId) {
        return programmes.findById(programmeId);
    }

    @Transactional(readOnly = true)
    public Optional<Programme> current(long participantId) {
        return current(participants.findById(participantId).orElseThrow(), programmesOf(participantId));
    }

    /**
     * The programmes a check-in is about: {@code countsFor}, the one its card names when they are an active member of
     * it, else their current one if they are an active member of that (null when neither); and {@code current}, their
     * current programme whatever their membership's status, the same choice as {@link #current} makes (null when
     * none), so that what follows the check-in in the same turn need not ask again.
     */
    public record CheckInProgrammes(Long countsFor, Long current) {
    }

    /**
     * {@link CheckInProgrammes} for this person. Asked on every check-in, so it is one plain statement over their
     * memberships and staff roles, without a transaction (one read needs none; it joins the caller's if there is one)
     * and without loading the programmes.
     */
    public CheckInProgrammes checkInProgrammes(Participant participant, Long named) {
        Set<Long> active = new HashSet<>();
        Set<Long> coached = new HashSet<>();
        Set<Long> known = new HashSet<>();
        // The union sits in a derived table so that the statement is a plain select: H2 keeps a prepared select in its
        // per-connection cache but parses a top-level union afresh every time (22 µs against 6 µs a turn).
        jdbc.query("select programme_id, active, coached from (select programme_id, case when status = 'ACTIVE' "
                + "then 1 else 0 end active, 0 coached from membership where participant_id = ? union all "
                + "select programme_id, 0, 1 from programme_staff where participant_id = ?) programmes",
                row -> {
                    long programme = row.getLong(1);
                    known.add(programme);
                    if (row.getInt(2) == 1) {
                        active.add(programme);
                    }
                    if (row.getInt(3) == 1) {
                        coached.add(programme);
                    }
                }, participant.getId(), participant.getId());
        Long chosen = participant.getCurrentProgrammeId();
        Long current;
        if (chosen != null && known.contains(chosen)) {
            current = chosen;
        } else if (coached.size() == 1) {
            current = coached.iterator().next();
        } else {
            current = active.size() == 1 && coached.isEmpty() ? active.iterator().next() : null;
        }
        if (named != null && active.contains(named)) {
            return new CheckInProgrammes(named, current);
        }
        return new CheckInProgrammes(current != null && active.contains(current) ? current : null, current);
    }

    private static Optional<Programme> current(Participant participant, List<MyProgramme> mine) {
        Long chosen = participant.getCurrentProgrammeId();
        Optional<Programme> picked = chosen == null ? Optional.empty() : mine.stream()
                .filter(m -> m.programme().getId().equals(chosen)).map(MyProgramme::programme).findFirst();
        if (picked.isPresent()) {
            return picked;
        }
        List<MyProgramme> coached = mine.stream().filter(m -> m.staffRole() != null).toList();
        if (coached.size() == 1) {
            return Optional.of(coached.get(0).programme());
        }
        List<MyProgramme> active = mine.stream().filter(m -> m.membership() != null && m.membership().isActive())
                .toList();
        return active.size() == 1 && coached.isEmpty() ? Optional.of(active.get(0).programme()) : Optional.empty();
    }

    /** The programme a coach's command applies to, or a kind explanation of how to choose one. */
    @Transactional(readOnly = true)
    public Programme currentCoached(long coachId) {
        Programme programme = current(coachId).orElseThrow(() -> new ProgrammeProblem(
                staff.findByParticipantId(coachId).isEmpty()
                        ? "You don't coach a programme yet. Create one with \"create programme\" and its name, "
                                + "for example: create programme Board Leaders 2027"
                        : "You coach several programmes. Choose one first with \"use programme\" and its name."));
        if (!access.isCoach(programme.getId(), coachId)) {
            throw new ProgrammeProblem("That is only for the coaches of \"" + programme.getName() + "\".");
        }
        return programme;
    }

    @Transactional
    public Programme use(long participantId, String nameOrCode) {
        String wanted = nameOrCode == null ? "" : nameOrCode.strip();
        List<MyProgramme> matches = programmesOf(participantId).stream()
                .filter(m -> m.programme().getName().equalsIgnoreCase(wanted)
                        || m.programme().getJoinCode().equals(JoinCodes.normalise(wanted)))
                .toList();
        if (matches.isEmpty()) {
            matches = programmesOf(participantId).stream()
                    .filter(m -> m.programme().getName().toLowerCase().contains(wanted.toLowerCase())).toList();
        }
        if (matches.size() != 1 || wanted.isEmpty()) {
            throw new ProgrammeProblem(matches.isEmpty()
                    ? "I couldn't find a programme of yours called \"" + wanted + "\". Say \"my programmes\" to see them."
                    : "More than one of your programmes matches \"" + wanted + "\"; please give the full name.");
        }
        Programme programme = matches.get(0).programme();
        participants.findById(participantId).orElseThrow().useProgramme(programme.getId());
        return programme;
    }

    @Transactional(readOnly = true)
    public List<MyProgramme> programmesOf(long participantId) {
        Map<Long, MembershipInfo> member = memberships.findByParticipantId(participantId).stream()
                .collect(Collectors.toMap(Membership::getProgrammeId, Membership::info));
        Map<Long, StaffInfo.Role> roles = staff.findByParticipantId(participantId).stream()
                .collect(Collectors.toMap(StaffMember::getProgrammeId, StaffMember::getRole));
        List<Long> ids = new ArrayList<>(member.keySet());
        roles.keySet().stream().filter(id -> !member.containsKey(id)).forEach(ids::add);
        return programmes.findAllById(ids).stream()
                .sorted(Comparator.comparing(Programme::getName, String.CASE_INSENSITIVE_ORDER))
                .map(p -> new MyProgramme(p, member.get(p.getId()), roles.get(p.getId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public ProgrammeOverview overview(long coachId, long programmeId) {
        Programme programme = coached(coachId, programmeId);
        List<Membership> members = memberships.findByProgrammeId(programmeId).stream()
                .filter(Membership::isActive).toList();
        Map<Long, Long> perGroup = members.stream().filter(m -> m.getGroupId() != null)
                .collect(Collectors.groupingBy(Membership::getGroupId, Collectors.counting()));
        List<ProgrammeOverview.GroupCount> groupCounts = groups.findByProgrammeIdOrderByName(programmeId).stream()
                .map(g -> new ProgrammeOverview.GroupCount(g.getName(), perGroup.getOrDefault(g.getId(), 0L)))
                .toList();
        long unassigned = members.stream().filter(m -> m.getGroupId() == null).count();
        List<StaffMember> team = staff.findByProgrammeId(programmeId);
        long consented = consent.countConsented(members.stream().map(Membership::getParticipantId).toList());
        return new ProgrammeOverview(programme, groupCounts, members.size(), consented, unassigned,
                names(team, null), names(team, StaffInfo.Role.ADMIN), clock.instant());
    }

    /**
     * Adds (or changes the role of) a coach or admin. Only programme admins manage the coaching team, and only from
     * {@link #staffCandidates} or the team itself: anyone else, whether they exist elsewhere or not at all, gets the
     * same answer, so the answer never tells an admin about people outside their programme.
     */
    @Transactional
    public void setStaff(long adminId, long programmeId, long participantId, StaffInfo.Role role) {
        Programme programme = administered(adminId, programmeId);
        Optional<StaffMember> existing = staff.findByProgrammeIdAndParticipantId(programmeId, participantId);
        if (existing.isPresent()) {
            if (existing.get().getRole() == StaffInfo.Role.ADMIN && role != StaffInfo.Role.ADMIN
                    && admins(programmeId) == 1) {
                throw new ProgrammeProblem(NEEDS_AN_ADMIN.formatted(programme.getName()));
            }
            existing.get().changeRole(role);
            return;
        }
        if (staffCandidates(programme).stream().noneMatch(p -> p.getId() == participantId)) {
            throw new ProgrammeProblem(notACandidate(programme.getName()));
        }
        staff.save(new StaffMember(programmeId, participantId, role, clock.instant()));
    }

    @Transactional
    public void removeStaff(long adminId, long programmeId, long participantId) {
        Programme programme = administered(adminId, programmeId);
        StaffMember member = staff.findByProgrammeIdAndParticipantId(programmeId, participantId)
                .orElseThrow(() -> new ProgrammeProblem(notACandidate(programme.getName())));
        if (member.getRole() == StaffInfo.Role.ADMIN && admins(programmeId) == 1) {
            throw new ProgrammeProblem(NEEDS_AN_ADMIN.formatted(programme.getName()));
        }
        staff.delete(member);
    }

    /**
     * Who may be made a coach or admin of the programme: its active members in the programme's own Teams tenant
     * who are not on its coaching team yet. The one place this rule lives; staff who need not take part (an
     * invitation they accept) would be added here.
     */
    @Transactional(readOnly = true)
    public List<Participant> staffCandidates(long programmeId) {
        return programmes.findById(programmeId).map(this::staffCandidates).orElse(List.of());
    }

    private List<Participant> staffCandidates(Programme programme) {
        Set<Long> team = staff.findByProgrammeId(programme.getId()).stream().map(StaffMember::getParticipantId)
                .collect(Collectors.toSet());
        List<Long> members = memberships.findByProgrammeId(programme.getId()).stream().filter(Membership::isActive)
                .map(Membership::getParticipantId).filter(id -> !team.contains(id)).toList();
        return participants.findAllById(members).stream()
                .filter(p -> Objects.equals(p.getTenantId(), programme.getTenantId())).toList();
    }

    private Programme administered(long adminId, long programmeId) {
        Programme programme = coached(adminId, programmeId);
        if (!access.isAdmin(programmeId, adminId)) {
            throw new ProgrammeProblem("Only admins of \"" + programme.getName() + "\" can change its coaching team.");
        }
        return programme;
    }

    private long admins(long programmeId) {
        return staff.findByProgrammeId(programmeId).stream().filter(s -> s.getRole() == StaffInfo.Role.ADMIN).count();
    }

    /**
     * Who would be told if this person asked for a coach to call, by programme: the named programme (their current
     * one), else every programme they take part in; in each, everyone on its coaching team, admins and coaches alike
     * (an admin is told "You are its admin and coach", and coaches and admins both see its summaries); never the
     * person themself. Empty means nobody: the offer is then not made (care promises only what will happen).
     */
    @Transactional(readOnly = true)
    public Map<Long, Set<Long>> callRecipients(long participantId, Long programmeId) {
        List<Long> programmeIds = programmeId != null ? List.of(programmeId) : programmesOf(participantId).stream()
                .filter(m -> m.membership() != null && m.membership().isActive())
                .map(m -> m.programme().getId()).toList();
        Map<Long, Set<Long>> recipients = new java.util.LinkedHashMap<>();
        for (long id : programmeIds) {
            Set<Long> told = new java.util.LinkedHashSet<>();
            staff.findByProgrammeId(id).forEach(s -> told.add(s.getParticipantId()));
            told.remove(participantId);
            if (!told.isEmpty()) {
                recipients.put(id, told);
            }
        }
        return recipients;
    }

    /**
     * Whether {@link #callRecipients} would name anyone, in one plain read that stops at the first (a support card
     * after a check-in asks it, in the check-in's turn).
     */
    public boolean hasCallRecipient(long participantId, Long programmeId) {
        String sql = programmeId != null
                ? "select 1 from programme_staff where programme_id = ? and participant_id <> ? fetch first 1 rows only"
                : "select 1 from membership m join programme_staff s on s.programme_id = m.programme_id "
                        + "where m.participant_id = ? and m.status = 'ACTIVE' and s.participant_id <> ? "
                        + "fetch first 1 rows only";
        return !jdbc.queryForList(sql, Integer.class, programmeId != null ? programmeId : participantId, participantId)
                .isEmpty();
    }

    /**
     * What erasing this person would do to the programmes they help run: for each one they are the only admin of,
     * who becomes admin ({@code newAdmin}), or null when nobody else is on its team and it is left uncoached.
     * Programmes with another admin are not listed: nothing changes for them but the person's leaving.
     */
    public record Handover(Programme programme, String newAdmin) {
    }

    @Transactional(readOnly = true)
    public List<Handover> handoversOnErasure(long participantId) {
        List<Handover> handovers = new ArrayList<>();
        for (StaffMember role : staff.findByParticipantId(participantId)) {
            List<StaffMember> team = staff.findByProgrammeId(role.getProgrammeId());
            Programme programme = programmes.findById(role.getProgrammeId()).orElseThrow();
            if (AdminSuccession.leavesNobody(team, participantId)) {
                handovers.add(new Handover(programme, null));
            } else {
                AdminSuccession.successor(team, participantId).ifPresent(next -> handovers.add(new Handover(programme,
                        participants.findById(next.getParticipantId()).map(Participant::getDisplayName)
                                .orElse("another coach"))));
            }
        }
        handovers.sort(Comparator.comparing(h -> h.programme().getName(), String.CASE_INSENSITIVE_ORDER));
        return handovers;
    }

    @Transactional(readOnly = true)
    public List<StaffInfo> staffOf(long programmeId) {
        return staff.findByProgrammeId(programmeId).stream().map(StaffMember::info).toList();
    }

    /** Who is on the programme's coaching team: the people who never count towards its figures. */
    @Transactional(readOnly = true)
    public Set<Long> staffIds(long programmeId) {
        return staff.findByProgrammeId(programmeId).stream().map(StaffMember::getParticipantId)
                .collect(Collectors.toSet());
    }

    /**
     * The programme, if this person coaches it. Otherwise one refusal, the same whether the programme exists
     * elsewhere or not at all: it never names a programme that is not theirs.
     */
    @Transactional(readOnly = true)
    public Programme coached(long coachId, long programmeId) {
        return programmes.findById(programmeId).filter(p -> access.isCoach(programmeId, coachId))
                .orElseThrow(() -> new ProgrammeProblem(NOT_YOURS));
    }

    /** Display names of the staff with this role, or of all staff when {@code role} is null. */
    private List<String> names(List<StaffMember> team, StaffInfo.Role role) {
        return team.stream().filter(s -> role == null || s.getRole() == role)
                .map(s -> participants.findById(s.getParticipantId()).map(Participant::getDisplayName).orElse(null))
                .filter(Objects::nonNull).sorted().toList();
    }

    private static void requireValid(ProgrammeSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new ProgrammeProblem(String.join(" ", problems));
        }
    }
}
