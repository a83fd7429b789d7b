package com.waymark.teams.membership;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.privacy.NameDirectory;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.StaffInfo;
import com.waymark.programme.StaffInvitations;
import com.waymark.teams.CardIds;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.NoticeCards;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person's ways into and out of programmes, in the 1:1 chat: join with a coach's code, see their programmes and
 * their details (and correct them), leave, and accept an admin's invitation to a coaching team. Every reply names
 * the programme it is about, because people can belong to several. Coaches setting programmes up is
 * {@code teams.programme}, the people in them {@code teams.people}.
 */
@Component
@Order(50)
public class MembershipSlice implements FeatureSlice<MembershipCommand> {

    public static final String CORRECT_DETAILS = "correctDetails";

    private static final String NOT_YOUR_PROGRAMME = "That isn't a programme you take part in. Say \"my details\" "
            + "for a fresh card.";
    /** "join ABC-123", "leave programme Cohort 3"; "leave" and a date is the myclock slice's, asked first. */
    private static final Pattern JOIN_OR_LEAVE = Pattern.compile(
            "^(join\\s+program(?:me)?|join|leave\\s+program(?:me)?|leave)\\s*:?\\s+(\\S.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** "accept invitation K7PQ-2MX9-ABCD", "accept invite …", "accept …": an invitation to a coaching team. */
    private static final Pattern ACCEPT_INVITATION = Pattern.compile(
            "^accept(?:\\s+(?:the\\s+|my\\s+)?(?:invitation|invite))?(?:\\s*:?\\s+(\\S.*))?$",
            Pattern.CASE_INSENSITIVE);

    private final ProgrammeService programmes;
    private final EnrolmentService enrolment;
    private final CardIds cardIds;
    private final NameDirectory directory;
    private final StaffInvitations invitations;
    private final NoticeCards notices;

    MembershipSlice(ProgrammeService programmes, EnrolmentService enrolment, CardIds cardIds, NameDirectory directory,
                    StaffInvitations invitations, NoticeCards notices) {
        this.programmes = programmes;
        this.enrolment = enrolment;
        this.cardIds = cardIds;
        this.directory = directory;
        this.invitations = invitations;
        this.notices = notices;
    }

    @Override
    public Optional<MembershipCommand> parse(Phrase phrase) {
        if (phrase.is("my programmes", "my programs", "programmes", "programs")) {
            return Optional.of(new MembershipCommand.MyProgrammes());
        }
        if (phrase.is("my details", "my role", "correct my details")) {
            return Optional.of(new MembershipCommand.MyDetails());
        }
        if (phrase.is("join", "join programme", "join program")) {
            return Optional.of(new MembershipCommand.Join(""));
        }
        if (phrase.is("leave", "leave programme", "leave program")) {
            return Optional.of(new MembershipCommand.Leave(null));
        }
        String text = phrase.text();
        Matcher accept = ACCEPT_INVITATION.matcher(text);
        if (accept.matches()) {
            return Optional.of(new MembershipCommand.AcceptStaffInvitation(accept.group(1) == null ? ""
                    : accept.group(1)));
        }
        Matcher prefixed = JOIN_OR_LEAVE.matcher(text);
        if (prefixed.matches()) {
            String rest = prefixed.group(2).strip();
            return Optional.of(prefixed.group(1).toLowerCase(Locale.ROOT).startsWith("join")
                    ? new MembershipCommand.Join(rest) : new MembershipCommand.Leave(rest));
        }
        return Optional.empty();
    }

    @Override
    public Optional<MembershipCommand> parseCard(CardSubmit submit) {
        return CORRECT_DETAILS.equals(submit.action()) ? Optional.of(new MembershipCommand.CorrectDetails(
                submit.value("programmeId"), submit.value("role"), submit.value("organisation"))) : Optional.empty();
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.participant("""
                **join** and the code your coach gave you, for example: join ABC-123; **my programmes**, \
                **my details**, **leave programme** and its name; **accept invitation** and the code an admin \
                gave you, to join a programme's coaching team"""));
    }

    @Override
    public List<Activity> handle(Turn turn, MembershipCommand command) {
        try {
            return List.of(answer(turn.participantId(), command));
        } catch (ProgrammeProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    private Activity answer(long id, MembershipCommand command) {
        if (command instanceof MembershipCommand.Join join) {
            return join(id, join);
        }
        if (command instanceof MembershipCommand.MyProgrammes) {
            return Reply.card(ProgrammeCards.myProgrammes(programmes.programmesOf(id)));
        }
        if (command instanceof MembershipCommand.Leave leave) {
            Programme left = enrolment.leave(id, leave.name());
            return Reply.text("You have left \"" + PlainText.of(left.getName()) + "\". You won't get its check-ins or "
                    + "pairings any more: those already planned, their reminders and any peer-coaching follow-up are "
                    + "cancelled. What you recorded stays yours (say \"my data\" to see it).");
        }
        if (command instanceof MembershipCommand.CorrectDetails correct) {
            long programmeId = cardIds.open(CardIds.Kind.PROGRAMME, id, correct.programmeId())
                    .orElseThrow(() -> new ProgrammeProblem(NOT_YOUR_PROGRAMME));
            MembershipInfo membership = enrolment.correctOwn(id, programmeId, correct.role(), correct.organisation());
            return Reply.text("Thanks – updated your details: " + ProgrammeCards.describe(membership, null) + ".");
        }
        if (command instanceof MembershipCommand.AcceptStaffInvitation accept) {
            return accept(id, accept);
        }
        return myDetails(id);
    }

    private Activity join(long id, MembershipCommand.Join join) {
        if (join.code() == null || join.code().isBlank()) {
            return Reply.text("Send the code your coach gave you, for example: join ABC-123");
        }
        var enrolled = enrolment.join(id, join.code());
        String name = PlainText.of(enrolled.programme().getName());
        return Reply.text(enrolled.added()
                ? "Welcome to \"" + name + "\". Your coach will set your role and group; you'll see them with "
                        + "\"my details\". Check-ins for this programme will come here, in our 1:1 chat. "
                        + notices.termsOf(enrolled.programme())
                : "You are already taking part in \"" + name + "\".");
    }

    private Activity accept(long id, MembershipCommand.AcceptStaffInvitation accept) {
        if (accept.code() == null || accept.code().isBlank()) {
            return Reply.text("Send the code the admin gave you, for example: accept invitation K7PQ-2MX9-HT4W");
        }
        StaffInvitations.Accepted accepted = invitations.accept(id, accept.code());
        String name = PlainText.of(accepted.programme().getName());
        String as = accepted.role() == StaffInfo.Role.ADMIN ? "an admin" : "a coach";
        if (accepted.alreadyOnTheTeam()) {
            return Reply.text("You're already " + as + " of \"" + name + "\", so I've left the invitation unused.");
        }
        return Reply.text("Welcome to the coaching team of \"" + name + "\": you are now " + as + " of it. "
                + (accepted.alsoTakesPart()
                        ? "You also take part in it, as before: that doesn't change."
                        : "You don't take part in it: you get no check-ins for it, are never paired in it and are "
                                + "never counted in its figures.")
                + " Say \"programme\" to see its set-up, or \"summary\" for its confidential team summary.");
    }

    private Activity myDetails(long id) {
        var mine = programmes.programmesOf(id).stream()
                .filter(m -> m.membership() != null && m.membership().isActive()).toList();
        if (mine.isEmpty()) {
            return Reply.text("You're not taking part in a programme yet. If your coach gave you a code, send \"join\" "
                    + "and the code, for example: join ABC-123");
        }
        Programme programme = programmes.current(id).filter(p -> mine.stream()
                .anyMatch(m -> m.programme().getId().equals(p.getId()))).orElse(mine.get(0).programme());
        MembershipInfo membership = mine.stream().filter(m -> m.programme().getId().equals(programme.getId()))
                .findFirst().orElseThrow().membership();
        String groupName = membership.groupId() == null ? null : programmes.groups(programme.getId()).stream()
                .filter(g -> membership.groupId().equals(g.id())).map(g -> g.name()).findFirst().orElse(null);
        return Reply.card(ProgrammeCards.myDetails(programme, cardIds.seal(CardIds.Kind.PROGRAMME, id,
                programme.getId()), membership, groupName, membership.lineManagerId() == null ? null
                : directory.personName(membership.lineManagerId()).orElse("someone who has left Waymark")));
    }
}
