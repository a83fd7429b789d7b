package com.waymark.teams.enrolment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.microsoft.bot.schema.Activity;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.BadInput;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.ProgrammeCards;
import com.waymark.teams.Reply;
import com.waymark.teams.RosterEnrolment;
import com.waymark.teams.SharedTurn;
import com.waymark.teams.Turn;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Enrolling from a team or group chat, where the bot can read who is there ({@link RosterEnrolment}): everyone, or
 * those a coach picks on a card. In a 1:1 chat there is no one to read, so it says where it works and how else people
 * join.
 */
@Component
@Order(6)
public class TeamEnrolmentSlice implements FeatureSlice<TeamEnrolmentCommand> {

    public static final String ENROL_SELECTED = "enrolSelected";

    /** The answer to "enrol", "add people" or their card in a 1:1 chat, where there is no roster to read. */
    static final String ONLY_IN_A_TEAM = "\"enrol\" and \"add people\" work in a team or group chat, where I can see "
            + "who is there; nobody was added. Add me to the team or group chat of the people you coach and say "
            + "\"enrol\" there (or \"add people\" to choose who). People can also join on their own: say "
            + "\"programme\" to see your programme's join code, and they send me, for example: join ABC-123";

    private final ProgrammeService programmes;
    private final RosterEnrolment roster;

    TeamEnrolmentSlice(ProgrammeService programmes, RosterEnrolment roster) {
        this.programmes = programmes;
        this.roster = roster;
    }

    @Override
    public Optional<TeamEnrolmentCommand> parse(Phrase phrase) {
        if (phrase.is("enrol", "enroll", "enrol team", "enroll team", "enrol everyone")) {
            return Optional.of(new TeamEnrolmentCommand.Everyone());
        }
        return phrase.is("add people", "choose people", "pick people")
                ? Optional.of(new TeamEnrolmentCommand.PickPeople()) : Optional.empty();
    }

    @Override
    public Optional<TeamEnrolmentCommand> parseShared(Phrase phrase) {
        return parse(phrase);
    }

    @Override
    public Optional<TeamEnrolmentCommand> parseCard(CardSubmit submit) {
        return ENROL_SELECTED.equals(submit.action()) ? Optional.of(new TeamEnrolmentCommand.Chosen(
                submit.value("participantIds"), submit.value("groupId"))) : Optional.empty();
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("in a team or group chat, **enrol** everyone in it, or **add people** to "
                        + "choose who"),
                HelpLine.teamChat("**enrol** – bring everyone in this chat into your current programme (each gets "
                        + "a private welcome)"),
                HelpLine.teamChat("**add people** – choose who to bring in"));
    }

    @Override
    public List<Activity> handle(Turn turn, TeamEnrolmentCommand command) {
        return List.of(Reply.text(ONLY_IN_A_TEAM));
    }

    @Override
    public boolean worksInSharedChat(TeamEnrolmentCommand command) {
        return true;
    }

    @Override
    public CompletableFuture<List<Activity>> handleShared(SharedTurn turn, TeamEnrolmentCommand command) {
        try {
            if (command instanceof TeamEnrolmentCommand.Chosen chosen) {
                return enrolChosen(turn, chosen);
            }
            if (command instanceof TeamEnrolmentCommand.PickPeople) {
                Programme programme = programmes.currentCoached(turn.participantId());
                return roster.roster(turn.context()).thenApply(members -> List.of(Reply.card(
                        PickPeopleCard.pickPeople(programme, members.stream()
                                .map(m -> new AdaptiveCard.Choice(m.getName() == null ? m.getId() : m.getName(),
                                        m.getId())).toList(), programmes.groups(programme.getId())))));
            }
            return roster.enrolEveryone(turn.context(), turn.participant());
        } catch (ProgrammeProblem | BadInput problem) {
            return CompletableFuture.completedFuture(List.of(Reply.text(PlainText.of(problem.getMessage()))));
        }
    }

    private CompletableFuture<List<Activity>> enrolChosen(SharedTurn turn, TeamEnrolmentCommand.Chosen chosen) {
        Set<String> ids = chosen.participantIds() == null ? Set.of()
                : Arrays.stream(chosen.participantIds().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of(Reply.text("Please choose at least one person.")));
        }
        Long groupId = chosen.groupId() == null || chosen.groupId().isBlank() ? null
                : ProgrammeCards.chosenId(chosen.groupId(), "group");
        return roster.enrolChosen(turn.context(), turn.participant(), ids, groupId);
    }
}
