package com.waymark.teams.people;

import java.util.List;
import java.util.Optional;

import com.microsoft.bot.schema.Activity;
import com.waymark.programme.EnrolmentService;
import com.waymark.programme.EnrolmentService.Member;
import com.waymark.programme.EnrolmentService.MemberDetails;
import com.waymark.programme.MembershipInfo;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The people in a coach's current programme and what the coach records about each (role, organisation, group, line
 * manager), which each person sees with "my details" ({@code teams.membership}) and can correct.
 */
@Component
@Order(4)
public class PeopleSlice implements FeatureSlice<PeopleCommand> {

    public static final String SHOW_PEOPLE = "showPeople";
    public static final String DESCRIBE_MEMBER = "describeMember";

    private final ProgrammeService programmes;
    private final EnrolmentService enrolment;

    PeopleSlice(ProgrammeService programmes, EnrolmentService enrolment) {
        this.programmes = programmes;
        this.enrolment = enrolment;
    }

    @Override
    public Optional<PeopleCommand> parse(Phrase phrase) {
        return phrase.is("people", "members", "participants", "roster") ? Optional.of(new PeopleCommand.Show())
                : Optional.empty();
    }

    @Override
    public Optional<PeopleCommand> parseCard(CardSubmit submit) {
        return switch (submit.action()) {
            case SHOW_PEOPLE -> Optional.of(new PeopleCommand.Show());
            case DESCRIBE_MEMBER -> Optional.of(new PeopleCommand.Describe(submit.value("participantId"),
                    submit.value("role"), submit.value("organisation"), submit.value("groupId"),
                    submit.value("lineManagerId")));
            default -> Optional.empty();
        };
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("**people**: who takes part, with the role, organisation, group and line "
                + "manager you record for each"));
    }

    @Override
    public List<Activity> handle(Turn turn, PeopleCommand command) {
        try {
            Programme programme = programmes.currentCoached(turn.participantId());
            if (command instanceof PeopleCommand.Describe describe) {
                return List.of(describe(turn.participantId(), programme, describe));
            }
            return List.of(Reply.card(PeopleCard.people(programme, enrolment.members(programme.getId()),
                    programmes.groups(programme.getId()))));
        } catch (ProgrammeProblem problem) {
            return List.of(Reply.text(PlainText.of(problem.getMessage())));
        }
    }

    private Activity describe(long coachId, Programme programme, PeopleCommand.Describe describe) {
        long participantId = ProgrammeCards.chosenId(describe.participantId(), "person");
        Member member = enrolment.members(programme.getId()).stream()
                .filter(m -> m.participant().getId() == participantId).findFirst()
                .orElseThrow(() -> new ProgrammeProblem("That person is not in \"" + programme.getName() + "\"."));
        MembershipInfo current = member.membership();
        // Blank fields on the card mean "keep as it is", so a coach can change one thing at a time.
        MemberDetails details = new MemberDetails(
                blank(describe.role()) ? current.role() : describe.role(),
                blank(describe.organisation()) ? current.organisation() : describe.organisation(),
                blank(describe.groupId()) ? current.groupId()
                        : Long.valueOf(ProgrammeCards.chosenId(describe.groupId(), "group")),
                blank(describe.lineManagerId()) ? current.lineManagerId()
                        : Long.valueOf(ProgrammeCards.chosenId(describe.lineManagerId(), "line manager")));
        MembershipInfo updated = enrolment.describe(coachId, programme.getId(), participantId, details);
        String groupName = updated.groupId() == null ? null : programmes.groups(programme.getId()).stream()
                .filter(g -> updated.groupId().equals(g.id())).map(g -> g.name()).findFirst().orElse(null);
        String name = member.participant().getDisplayName() == null ? "They" : member.participant().getDisplayName();
        return Reply.text("Saved: " + PlainText.of(name) + " – " + ProgrammeCards.describe(updated, groupName)
                + ". They can see this with \"my details\" and correct it.");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
