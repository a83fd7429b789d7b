package com.waymark.teams;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.waymark.cycle.SessionCycle;
import com.waymark.privacy.NameDirectory;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.EnrolmentService.Member;
import com.waymark.programme.EnrolmentService.MemberDetails;
import com.waymark.programme.Membership;
import com.waymark.programme.Participant;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.ProgrammeSettings;
import com.waymark.programme.StaffInvitations;
import com.waymark.programme.StaffMember;
import com.waymark.schedule.ScheduleService;
import org.springframework.stereotype.Component;

/**
 * Programme commands in a 1:1 chat: coaches set programmes up, their groups, people and coaching team (a
 * participant's joining, details and leaving are {@code teams.membership}).
 * Every reply names the programme it is about, because people can belong to several.
 */
@Component
public class ProgrammeConversation {

    private static final DateTimeFormatter SESSION = DateTimeFormatter.ofPattern("EEEE d MMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    private final ProgrammeService programmes;
    private final EnrolmentService enrolment;
    private final ScheduleService schedules;
    private final CardIds cardIds;
    private final NameDirectory directory;
    private final StaffInvitations invitations;
    private final NoticeCards notices;
    private final SessionCycle sessions;

    ProgrammeConversation(ProgrammeService programmes, EnrolmentService enrolment, ScheduleService schedules,
                          CardIds cardIds, NameDirectory directory, StaffInvitations invitations,
                          NoticeCards notices, SessionCycle sessions) {
        this.sessions = sessions;
        this.invitations = invitations;
        this.notices = notices;
        this.directory = directory;
        this.cardIds = cardIds;
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.schedules = schedules;
    }

    static boolean handles(Command command) {
        return command instanceof Command.CreateProgramme || command instanceof Command.ShowProgramme
                || command instanceof Command.EditProgramme || command instanceof Command.SaveProgramme
                || command instanceof Command.AddGroup || command instanceof Command.UseProgramme
                || command instanceof Command.ShowPeople || command instanceof Command.DescribeMember
                || command instanceof Command.ShowCoaches || command instanceof Command.SetStaff
                || command instanceof Command.InviteStaff;
    }

    /** Runs one programme command; a refusal by the programme rules becomes a kind reply. */
    List<Activity> handle(Participant person, Command command) {
        try {
            return dispatch(person, command);
        } catch (ProgrammeProblem problem) {
            return List.of(MessageFactory.text(PlainText.of(problem.getMessage())));
        }
    }

    private List<Activity> dispatch(Participant person, Command command) {
        long id = person.getId();
        if (command instanceof Command.CreateProgramme create) {
            if (create.name() == null || create.name().isBlank()) {
                return card(ProgrammeCards.settings(null, ProgrammeSettings.defaults(null, person.getTimeZone()),
                        minutes(ProgrammeSettings.defaults(null, person.getTimeZone()))));
            }
            Programme created = programmes.create(id, ProgrammeSettings.defaults(create.name().strip(),
                    person.getTimeZone()));
            return List.of(MessageFactory.text("Created \"" + PlainText.of(created.getName())
                    + "\". You are its admin and coach. Adjust the settings below, add groups (for example \"add "
                    + "group East place board\"), then bring people in."),
                    overviewCard(id, created.getId()));
        }
        if (command instanceof Command.SaveProgramme save) {
            return saveProgramme(id, person, save);
        }
        if (command instanceof Command.ShowProgramme) {
            Programme programme = programmes.currentCoached(id);
            return List.of(overviewCard(id, programme.getId()));
        }
        if (command instanceof Command.EditProgramme) {
            Programme programme = programmes.currentCoached(id);
            return card(ProgrammeCards.settings(cardIds.seal(CardIds.Kind.PROGRAMME, id, programme.getId()),
                    programme.settings(), minutes(programme.settings())));
        }
        if (command instanceof Command.AddGroup add) {
            Programme programme = programmes.currentCoached(id);
            var group = programmes.addGroup(id, programme.getId(), add.name());
            return text("Added the group \"" + PlainText.of(group.getName()) + "\" to \""
                    + PlainText.of(programme.getName()) + "\". Say \"people\" to put people in it.");
        }
        if (command instanceof Command.UseProgramme use) {
            Programme programme = programmes.use(id, use.name());
            return text("Now working with \"" + PlainText.of(programme.getName()) + "\".");
        }
        if (command instanceof Command.ShowPeople) {
            Programme programme = programmes.currentCoached(id);
            return card(ProgrammeCards.people(programme, enrolment.members(programme.getId()),
                    programmes.groups(programme.getId())));
        }
        if (command instanceof Command.DescribeMember describe) {
            return describeMember(id, describe);
        }
        if (command instanceof Command.ShowCoaches) {
            return showCoaches(id);
        }
        if (command instanceof Command.SetStaff set) {
            return setStaff(id, set);
        }
        if (command instanceof Command.InviteStaff invite) {
            return invite(id, invite);
        }
        throw new IllegalArgumentException("Not a programme command: " + command.getClass().getSimpleName());
    }

    /** The set-up at a glance, with the check-in rhythm and the next session from scheduling. */
    Activity overviewCard(long coachId, long programmeId) {
        var overview = programmes.overview(coachId, programmeId);
        ZoneId zone = ZoneId.of(overview.programme().getTimeZone());
        var rhythms = schedules.active(programmeId);
        String rhythm = rhythms.isEmpty() ? "not set yet (say \"schedule\")" : rhythms.stream()
                .map(s -> ScheduleCards.describe(s.rhythm())).collect(Collectors.joining("; "));
        String next = schedules.nextSession(programmeId)
                .map(s -> SESSION.format(s.getStartsAt().atZone(zone)))
                .orElse("not recorded yet (say \"" + schedules.sessionExample(zone) + "\")");
        return ParticipantConversation.card(ProgrammeCards.overview(overview, rhythm, next,
                minutes(overview.programme().settings())));
    }

    /** How long this programme's sessions last when recorded without a length: its own, else the installation's. */
    private int minutes(ProgrammeSettings settings) {
        return (int) sessions.defaultLength(settings).toMinutes();
    }

    private List<Activity> saveProgramme(long id, Participant person, Command.SaveProgramme save) {
        Optional<Programme> existing = blank(save.programmeId()) ? Optional.empty()
                : Optional.of(programmes.coached(id, cardIds.open(CardIds.Kind.PROGRAMME, id, save.programmeId())
                        .orElseThrow(() -> new ProgrammeProblem(ProgrammeService.NOT_YOURS))));
        ProgrammeSettings base = existing.map(Programme::settings)
                .orElse(ProgrammeSettings.defaults(null, person.getTimeZone()));
        ProgrammeSettings settings = new ProgrammeSettings(
                save.name() == null ? base.name() : save.name().strip(),
                save.organisations() == null || save.organisations().isBlank() ? null : save.organisations().strip(),
                save.timeZone() == null || save.timeZone().isBlank() ? base.timeZone() : save.timeZone().strip(),
                date(save.startsOn(), "start"), date(save.endsOn(), "end"),
                number(save.threshold(), base.confidentialityThreshold(), "confidentiality threshold"),
                number(save.retentionDays(), base.retentionDays(), "number of days"),
                blank(save.sessionMinutes()) ? base.sessionMinutes()
                        : Integer.valueOf(number(save.sessionMinutes(), 0, "session length in minutes")));
        Programme saved = existing.isPresent()
                ? programmes.update(id, existing.get().getId(), settings)
                : programmes.create(id, settings);
        String lowering = programmes.overview(id, saved.getId()).lowering()
                .map(lower -> " The confidentiality threshold stays " + lower.was() + " until "
                        + NoticeCards.when(lower, ZoneId.of(saved.getTimeZone())) + " and is " + lower.to()
                        + " from then: each participant who agreed to the notice is told in their 1:1 chat first, "
                        + "so they can leave or erase their data before it applies.")
                .orElse("");
        return List.of(MessageFactory.text((existing.isPresent() ? "Saved the settings of \"" : "Created \"")
                        + PlainText.of(saved.getName()) + "\"." + lowering),
                overviewCard(id, saved.getId()));
    }

    private List<Activity> describeMember(long coachId, Command.DescribeMember describe) {
        Programme programme = programmes.currentCoached(coachId);
        long participantId = parseId(describe.participantId(), "person");
        Member member = enrolment.members(programme.getId()).stream()
                .filter(m -> m.participant().getId() == participantId).findFirst()
                .orElseThrow(() -> new ProgrammeProblem("That person is not in \"" + programme.getName() + "\"."));
        Membership current = member.membership();
        // Blank fields on the card mean "keep as it is", so a coach can change one thing at a time.
        MemberDetails details = new MemberDetails(
                blank(describe.role()) ? current.getRole() : describe.role(),
                blank(describe.organisation()) ? current.getOrganisation() : describe.organisation(),
                blank(describe.groupId()) ? current.getGroupId() : Long.valueOf(parseId(describe.groupId(), "group")),
                blank(describe.lineManagerId()) ? current.getLineManagerId()
                        : Long.valueOf(parseId(describe.lineManagerId(), "line manager")));
        Membership updated = enrolment.describe(coachId, programme.getId(), participantId, details);
        String groupName = updated.getGroupId() == null ? null : programmes.groups(programme.getId()).stream()
                .filter(g -> g.getId().equals(updated.getGroupId())).map(g -> g.getName()).findFirst().orElse(null);
        return text("Saved: " + PlainText.of(displayName(member)) + " – " + ProgrammeCards.describe(updated, groupName)
                + ". They can see this with \"my details\" and correct it.");
    }

    /** Current staff (to change or remove) and the people who may join them, each under an opaque card id. */
    private List<Activity> showCoaches(long id) {
        Programme programme = programmes.currentCoached(id);
        var overview = programmes.overview(id, programme.getId());
        List<AdaptiveCard.Choice> choices = new ArrayList<>();
        programmes.staffOf(programme.getId()).stream().filter(s -> s.getParticipantId() != id)
                .forEach(s -> choices.add(new AdaptiveCard.Choice(nameOf(s.getParticipantId()) + " (now "
                        + (s.getRole() == StaffMember.Role.ADMIN ? "admin" : "coach") + ")",
                        cardIds.seal(CardIds.Kind.PERSON, id, s.getParticipantId()))));
        programmes.staffCandidates(programme.getId()).forEach(p -> choices.add(new AdaptiveCard.Choice(
                nameOf(p.getId()), cardIds.seal(CardIds.Kind.PERSON, id, p.getId()))));
        return card(ProgrammeCards.coaches(programme, overview.coaches(), overview.admins(), choices,
                cardIds.seal(CardIds.Kind.PROGRAMME, id, programme.getId())));
    }

    /**
     * The card's programme id opens only for the admin it was made for; typed, it is their current programme. A
     * foreign or junk id gets the one answer for a programme that isn't theirs.
     */
    private List<Activity> invite(long id, Command.InviteStaff invite) {
        long programmeId = invite.programmeId() == null ? programmes.currentCoached(id).getId()
                : cardIds.open(CardIds.Kind.PROGRAMME, id, invite.programmeId())
                        .orElseThrow(() -> new ProgrammeProblem(ProgrammeService.NOT_YOURS));
        StaffMember.Role role;
        try {
            role = StaffMember.Role.valueOf(invite.role() == null ? "" : invite.role());
        } catch (IllegalArgumentException e) {
            throw new ProgrammeProblem("Please choose whether to invite a coach or an admin: say \"invite coach\" or "
                    + "\"invite admin\".");
        }
        StaffInvitations.Invitation made = invitations.invite(id, programmeId, role);
        String as = role == StaffMember.Role.ADMIN ? "an admin" : "a coach";
        String name = PlainText.of(made.programme().getName());
        return text("Here is an invitation to join \"" + name + "\" as " + as + ": " + made.code() + "\n\n"
                + "Send it only to the person you mean. They say to me, in their own 1:1 chat with Waymark: accept "
                + "invitation " + made.code() + "\n\n"
                + "It works once, for whoever sends it first, within " + StaffInvitations.VALID_FOR.toDays()
                + " days, and only for someone in this programme's organisation (the same Microsoft Teams tenant). "
                + "They won't take part: no check-ins, never paired, never counted in its figures. Say \"coaches\" to "
                + "see who is on the team.");
    }

    /** A person id that did not come from this admin's own card reads exactly like one who can't be added. */
    private List<Activity> setStaff(long id, Command.SetStaff set) {
        Programme programme = programmes.currentCoached(id);
        long participantId = cardIds.open(CardIds.Kind.PERSON, id, set.participantId()).orElseThrow(
                () -> new ProgrammeProblem(ProgrammeService.notACandidate(programme.getName())));
        if ("NONE".equals(set.role())) {
            programmes.removeStaff(id, programme.getId(), participantId);
            return text("Done: they are no longer on the coaching team of \"" + PlainText.of(programme.getName())
                    + "\".");
        }
        StaffMember.Role role;
        try {
            role = StaffMember.Role.valueOf(set.role() == null ? "" : set.role());
        } catch (IllegalArgumentException e) {
            throw new ProgrammeProblem("Please choose Coach, Admin or not part of the coaching team.");
        }
        programmes.setStaff(id, programme.getId(), participantId, role);
        return text("Done: they are now " + (role == StaffMember.Role.ADMIN ? "an admin" : "a coach") + " of \""
                + PlainText.of(programme.getName()) + "\".");
    }

    private static LocalDate date(String raw, String what) {
        if (blank(raw)) {
            return null;
        }
        try {
            return CalendarInput.date(raw, "2027-01-31");
        } catch (BadInput e) {
            throw new BadInput("The " + what + " date isn't one I can use. " + e.getMessage());
        }
    }

    private static int number(String raw, int fallback, String what) {
        if (blank(raw)) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(raw.strip()));
        } catch (NumberFormatException e) {
            throw new ProgrammeProblem("The " + what + " should be a whole number.");
        }
    }

    public static long parseId(String raw, String what) {
        if (raw == null || !raw.strip().matches("\\d{1,18}")) {
            throw new ProgrammeProblem("Please choose a " + what + " from the list.");
        }
        return Long.parseLong(raw.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private String nameOf(long participantId) {
        return directory.personName(participantId).orElse("(name not known yet)");
    }

    private static String displayName(Member member) {
        return member.participant().getDisplayName() == null ? "They" : member.participant().getDisplayName();
    }

    private static List<Activity> text(String text) {
        return List.of(MessageFactory.text(text));
    }

    private static List<Activity> card(AdaptiveCard card) {
        return List.of(ParticipantConversation.card(card));
    }
}
