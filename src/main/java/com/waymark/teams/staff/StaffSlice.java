package com.waymark.teams.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.microsoft.bot.schema.Activity;
import com.waymark.privacy.NameDirectory;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.programme.StaffInfo;
import com.waymark.programme.StaffInvitations;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.CardIds;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A programme's coaching team, in an admin's 1:1 chat: who is on it, appointing or removing members of the programme,
 * and single-use invitations for staff who don't take part (accepted through {@code teams.membership}; the admin is
 * told by {@link StaffJoinedWording}). People are named on cards by opaque card ids, never raw ids.
 */
@Component
@Order(5)
public class StaffSlice implements FeatureSlice<StaffCommand> {

    public static final String SET_STAFF = "setStaff";
    public static final String INVITE_STAFF = "inviteStaff";

    private final ProgrammeService programmes;
    private final CardIds cardIds;
    private final NameDirectory directory;
    private final StaffInvitations invitations;

    StaffSlice(ProgrammeService programmes, CardIds cardIds, NameDirectory directory, StaffInvitations invitations) {
        this.programmes = programmes;
        this.cardIds = cardIds;
        this.directory = directory;
        this.invitations = invitations;
    }

    @Override
    public Optional<StaffCommand> parse(Phrase phrase) {
        if (phrase.is("coaches", "add coach", "coaching team", "admins")) {
            return Optional.of(new StaffCommand.Show());
        }
        if (phrase.is("invite coach", "invite a coach")) {
            return Optional.of(new StaffCommand.Invite(null, "COACH"));
        }
        return phrase.is("invite admin", "invite an admin") ? Optional.of(new StaffCommand.Invite(null, "ADMIN"))
                : Optional.empty();
    }

    @Override
    public Optional<StaffCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case SET_STAFF -> Optional.of(new StaffCommand.Appoint(submit.value("participantId"),
                    submit.value("staffRole")));
            case INVITE_STAFF -> Optional.of(new StaffCommand.Invite(submit.value("programmeId"),
                    submit.value("staffRole")));
            default -> Optional.empty();
        };
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("**coaches**: the coaching team, to add coaches and admins from the "
                + "programme; **invite coach** or **invite admin** for someone who doesn't take part"));
    }

    @Override
    public List<Activity> handle(Turn turn, StaffCommand command) {
        try {
            if (command instanceof StaffCommand.Appoint appoint) {
                return List.of(appoint(turn.participantId(), appoint));
            }
            if (command instanceof StaffCommand.Invite invite) {
                return List.of(invite(turn.participantId(), invite));
            }
            return List.of(show(turn.participantId()));
        } catch (ProgrammeProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    /** Current staff (to change or remove) and the people who may join them, each under an opaque card id. */
    private Activity show(long id) {
        Programme programme = programmes.currentCoached(id);
        var overview = programmes.overview(id, programme.getId());
        List<AdaptiveCard.Choice> choices = new ArrayList<>();
        programmes.staffOf(programme.getId()).stream().filter(s -> s.participantId() != id)
                .forEach(s -> choices.add(new AdaptiveCard.Choice(nameOf(s.participantId()) + " (now "
                        + (s.role() == StaffInfo.Role.ADMIN ? "admin" : "coach") + ")",
                        cardIds.seal(CardIds.Kind.PERSON, id, s.participantId()))));
        programmes.staffCandidates(programme.getId()).forEach(p -> choices.add(new AdaptiveCard.Choice(
                nameOf(p.getId()), cardIds.seal(CardIds.Kind.PERSON, id, p.getId()))));
        return Reply.card(StaffCard.coaches(programme, overview.coaches(), overview.admins(), choices,
                cardIds.seal(CardIds.Kind.PROGRAMME, id, programme.getId())));
    }

    /**
     * The card's programme id opens only for the admin it was made for; typed, it is their current programme. A
     * foreign or junk id gets the one answer for a programme that isn't theirs.
     */
    private Activity invite(long id, StaffCommand.Invite invite) {
        long programmeId = invite.programmeId() == null ? programmes.currentCoached(id).getId()
                : cardIds.open(CardIds.Kind.PROGRAMME, id, invite.programmeId())
                        .orElseThrow(() -> new ProgrammeProblem(ProgrammeService.NOT_YOURS));
        StaffInfo.Role role;
        try {
            role = StaffInfo.Role.valueOf(invite.role() == null ? "" : invite.role());
        } catch (IllegalArgumentException e) {
            throw new ProgrammeProblem("Please choose whether to invite a coach or an admin: say \"invite coach\" or "
                    + "\"invite admin\".");
        }
        StaffInvitations.Invitation made = invitations.invite(id, programmeId, role);
        String as = role == StaffInfo.Role.ADMIN ? "an admin" : "a coach";
        String name = PlainText.of(made.programme().getName());
        return Reply.text("Here is an invitation to join \"" + name + "\" as " + as + ": " + made.code() + "\n\n"
                + "Send it only to the person you mean. They say to me, in their own 1:1 chat with Waymark: accept "
                + "invitation " + made.code() + "\n\n"
                + "It works once, for whoever sends it first, within " + StaffInvitations.VALID_FOR.toDays()
                + " days, and only for someone in this programme's organisation (the same Microsoft Teams tenant). "
                + "They won't take part: no check-ins, never paired, never counted in its figures. Say \"coaches\" to "
                + "see who is on the team.");
    }

    /** A person id that did not come from this admin's own card reads exactly like one who can't be added. */
    private Activity appoint(long id, StaffCommand.Appoint appoint) {
        Programme programme = programmes.currentCoached(id);
        long participantId = cardIds.open(CardIds.Kind.PERSON, id, appoint.participantId()).orElseThrow(
                () -> new ProgrammeProblem(ProgrammeService.notACandidate(programme.getName())));
        if ("NONE".equals(appoint.role())) {
            programmes.removeStaff(id, programme.getId(), participantId);
            return Reply.text("Done: they are no longer on the coaching team of \""
                    + PlainText.of(programme.getName()) + "\".");
        }
        StaffInfo.Role role;
        try {
            role = StaffInfo.Role.valueOf(appoint.role() == null ? "" : appoint.role());
        } catch (IllegalArgumentException e) {
            throw new ProgrammeProblem("Please choose Coach, Admin or not part of the coaching team.");
        }
        programmes.setStaff(id, programme.getId(), participantId, role);
        return Reply.text("Done: they are now " + (role == StaffInfo.Role.ADMIN ? "an admin" : "a coach")
                + " of \"" + PlainText.of(programme.getName()) + "\".");
    }

    private String nameOf(long participantId) {
        return directory.personName(participantId).orElse("(name not known yet)");
    }
}
