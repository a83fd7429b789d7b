package com.waymark.teams;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.waymark.programme.Participant;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import org.springframework.stereotype.Component;

/**
 * A team channel or group chat: only coaching-team commands live here. Nothing people write in a shared
 * chat is stored or echoed; anything personal is pointed to the 1:1 chat.
 */
@Component
class TeamChatConversation {

    static final String TEAM_HELP = """
            In a team or group chat, @mention me so I see your message (for example @Waymark programme). Coaches \
            can say:
            - **enrol** – bring everyone in this chat into your current programme (each gets a private welcome)
            - **add people** – choose who to bring in
            - **programme** – your programme's set-up at a glance
            - **summary**, **themes**, **wellbeing**, **actions** (or **team actions**), **participation**, \
            **export** – team reports, only in a chat where everyone coaches the programme
            Check-ins, reflections and action plans are private: they happen in each person's 1:1 chat with me.""";

    /** The answer to "enrol", "add people" or their card in a 1:1 chat, where there is no roster to read. */
    static final String ONLY_IN_A_TEAM = "\"enrol\" and \"add people\" work in a team or group chat, where I can see "
            + "who is there; nobody was added. Add me to the team or group chat of the people you coach and say "
            + "\"enrol\" there (or \"add people\" to choose who). People can also join on their own: say "
            + "\"programme\" to see your programme's join code, and they send me, for example: join ABC-123";

    private final ParticipantService participants;
    private final ProgrammeService programmes;
    private final RosterEnrolment roster;
    private final ProgrammeConversation programmeConversation;
    private final InsightConversation insight;

    TeamChatConversation(ParticipantService participants, ProgrammeService programmes, RosterEnrolment roster,
                         ProgrammeConversation programmeConversation, InsightConversation insight) {
        this.insight = insight;
        this.participants = participants;
        this.programmes = programmes;
        this.roster = roster;
        this.programmeConversation = programmeConversation;
    }

    CompletableFuture<List<Activity>> handle(TurnContext turn, Command command) {
        Participant person = participants.recognise(TurnFacts.identity(turn.getActivity()), null);
        try {
            if (command instanceof Command.EnrolTeam) {
                return roster.enrolEveryone(turn, person);
            }
            if (command instanceof Command.PickPeople) {
                Programme programme = programmes.currentCoached(person.getId());
                return roster.roster(turn).thenApply(members -> List.of(ParticipantConversation.card(
                        ProgrammeCards.pickPeople(programme, members.stream()
                                .map(m -> new AdaptiveCard.Choice(m.getName() == null ? m.getId() : m.getName(),
                                        m.getId())).toList(), programmes.groups(programme.getId())))));
            }
            if (command instanceof Command.EnrolSelected selected) {
                Set<String> ids = selected.participantIds() == null ? Set.of()
                        : Arrays.stream(selected.participantIds().split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
                if (ids.isEmpty()) {
                    return done(text("Please choose at least one person."));
                }
                Long groupId = selected.groupId() == null || selected.groupId().isBlank() ? null
                        : ProgrammeConversation.parseId(selected.groupId(), "group");
                return roster.enrolChosen(turn, person, ids, groupId);
            }
            if (command instanceof Command.TeamReport report) {
                return roster.roster(turn).thenApply(members -> insight.handleInSharedChat(person, report,
                        turn.getActivity(), members));
            }
            if (command instanceof Command.ShowProgramme) {
                Programme programme = programmes.currentCoached(person.getId());
                return done(List.of(programmeConversation.overviewCard(person.getId(), programme.getId())));
            }
            if (command instanceof Command.Help || command instanceof Command.Unknown) {
                return done(text(TEAM_HELP));
            }
            return done(text("Let's do that in our 1:1 chat, where it stays private: open a chat with Waymark. "
                    + "Here I can help coaches with \"enrol\", \"add people\" and \"programme\"."));
        } catch (ProgrammeProblem | BadInput problem) {
            return done(text(PlainText.of(problem.getMessage())));
        }
    }

    /** Commands that read the chat's roster, so make sense only in a team or group chat. */
    static boolean teamOnly(Command command) {
        return command instanceof Command.EnrolTeam || command instanceof Command.PickPeople
                || command instanceof Command.EnrolSelected;
    }

    private static CompletableFuture<List<Activity>> done(List<Activity> replies) {
        return CompletableFuture.completedFuture(replies);
    }

    private static List<Activity> text(String text) {
        return List.of(MessageFactory.text(text));
    }
}
