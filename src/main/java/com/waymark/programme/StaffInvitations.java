package com.waymark.programme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import com.waymark.privacy.PersonLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff who need not take part: an admin invites someone to the coaching team with a code, and whoever sends that code
 * in their own 1:1 chat, in the programme's Teams tenant, within {@link #VALID_FOR}, joins the team once. They become
 * staff and nothing more: no membership, so no check-ins, no pairing, and (being staff) never counted in figures.
 * <p>
 * Why a code rather than a roster or a directory search: Waymark knows only people who have talked to it or been
 * enrolled, and looking anyone else up would need Graph permissions an NHS tenant rarely grants. A code the admin
 * hands over is also how the person consents to being on the team. It is 12 characters from a 31-letter alphabet
 * (about 59 bits; guessing is also held back by the per-person message limit), stored only as a SHA-256 hash.
 */
@Service
public class StaffInvitations {

    /** How long an invitation can be accepted: long enough for an email round trip, short enough to forget. */
    public static final Duration VALID_FOR = Duration.ofDays(7);

    /**
     * The one answer for a code that is unknown, used, expired, mistyped or made in another tenant: it never says
     * which, so trying codes tells nobody about anyone else's programme.
     */
    public static final String NOT_AN_INVITATION = "That code isn't an invitation I can accept for you: it may be "
            + "mistyped, already used or more than 7 days old, or for another organisation. Ask the admin who invited "
            + "you for a new one.";

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_CHARS = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new invitation, to show once to the admin who made it. */
    public record Invitation(Programme programme, StaffInfo.Role role, String code, Instant expiresAt) {
    }

    /** An accepted invitation; {@code alsoTakesPart}: they were already a member of the programme, and still are. */
    public record Accepted(Programme programme, StaffInfo.Role role, boolean alsoTakesPart,
                           boolean alreadyOnTheTeam) {
    }

    private final StaffInvitationRepository invitations;
    private final ProgrammeService programmeService;
    private final ProgrammeRepository programmes;
    private final ProgrammeAccess access;
    private final StaffRepository staff;
    private final MembershipRepository memberships;
    private final ParticipantRepository participants;
    private final PersonLock people;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StaffInvitations(StaffInvitationRepository invitations, ProgrammeService programmeService,
                     ProgrammeRepository programmes, ProgrammeAccess access, StaffRepository staff,
                     MembershipRepository memberships, ParticipantRepository participants, PersonLock people,
                     Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.invitations = invitations;
        this.programmeService = programmeService;
        this.programmes = programmes;
        this.access = access;
        this.staff = staff;
        this.memberships = memberships;
        this.participants = participants;
        this.people = people;
        this.clock = clock;
    }

    /** Who joined a coaching team by invitation, while they are still on it: what their inviter is told. */
    public record Joined(String person, String programme, StaffInfo.Role role) {
    }

    /** The team member an accepted invitation made, if they are still on the team and still in Waymark. */
    @Transactional(readOnly = true)
    public Optional<Joined> joined(long staffMemberId) {
        return staff.findById(staffMemberId).flatMap(member -> participants.findById(member.getParticipantId())
                .flatMap(person -> programmes.findById(member.getProgrammeId())
                        .map(programme -> new Joined(person.getDisplayName(), programme.getName(), member.getRole()))));
    }

    /** Only the programme's admins invite; anyone else gets the answers {@link ProgrammeService#coached} gives. */
    @Transactional
    public Invitation invite(long adminId, long programmeId, StaffInfo.Role role) {
        Programme programme = programmeService.coached(adminId, programmeId);
        if (!access.isAdmin(programmeId, adminId)) {
            throw new ProgrammeProblem("Only admins of \"" + programme.getName() + "\" can change its coaching team.");
        }
        people.lockForWrite(adminId);
        String code = newCode();
        Instant now = clock.instant();
        invitations.save(new StaffInvitation(programmeId, adminId, Objects.requireNonNull(role), hash(code), now,
                now.plus(VALID_FOR)));
        return new Invitation(programme, role, code, now.plus(VALID_FOR));
    }

    /**
     * The sender joins the coaching team the code invites to, if it is a live invitation for a programme in their own
     * tenant; otherwise {@link #NOT_AN_INVITATION}. Used up on acceptance, by whoever sends it first.
     */
    @Transactional
    public Accepted accept(long participantId, String typed) {
        people.lockForWrite(participantId);
        Participant person = participants.findById(participantId).orElseThrow(PersonLock.PersonErased::new);
        String code = normalise(typed);
        Optional<StaffInvitation> found = code.length() == CODE_CHARS
                ? invitations.findByCodeHash(hash(code)) : Optional.empty();
        // An invitation is only as good as its maker: one from an admin no longer on the team is not honoured.
        Optional<Programme> programme = found.filter(i -> i.getExpiresAt().isAfter(clock.instant()))
                .filter(i -> access.isAdmin(i.getProgrammeId(), i.getInvitedBy()))
                .flatMap(i -> programmes.findById(i.getProgrammeId()))
                .filter(p -> person.getTenantId() != null && Objects.equals(p.getTenantId(), person.getTenantId()));
        if (programme.isEmpty()) {
            throw new ProgrammeProblem(NOT_AN_INVITATION);
        }
        StaffInvitation invitation = found.get();
        boolean member = memberships.findByProgrammeIdAndParticipantId(programme.get().getId(), participantId)
                .filter(Membership::isActive).isPresent();
        Optional<StaffMember> already = staff.findByProgrammeIdAndParticipantId(programme.get().getId(), participantId);
        if (already.isPresent()) {
            // Left for the person it was meant for: someone already on the team gains nothing by using it up.
            return new Accepted(programme.get(), already.get().getRole(), member, true);
        }
        if (invitations.deleteOne(invitation.getId()) != 1) {
            throw new ProgrammeProblem(NOT_AN_INVITATION);
        }
        StaffMember joined = staff.save(new StaffMember(programme.get().getId(), participantId, invitation.getRole(),
                clock.instant()));
        events.publishEvent(new StaffInvitationAccepted(programme.get().getId(), invitation.getInvitedBy(),
                joined.getId()));
        // Their current programme is left as it is: switching it would move the check-ins of someone who takes part
        // elsewhere away from that programme.
        return new Accepted(programme.get(), invitation.getRole(), member, false);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(CODE_CHARS + 2);
        for (int i = 0; i < CODE_CHARS; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What people type: lower case, spaces or no dashes; letters easily confused are not in the alphabet. */
    private static String normalise(String typed) {
        return typed == null ? "" : typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
