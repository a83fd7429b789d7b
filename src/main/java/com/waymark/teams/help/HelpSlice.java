package com.waymark.teams.help;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.schema.Activity;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.ProgrammeService;
import com.waymark.schedule.ScheduleService;
import com.waymark.teams.Command;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpIndex;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.Reply;
import com.waymark.teams.SharedTurn;
import com.waymark.teams.Turn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Help, made from every slice's lines, and what the bot says to a message no slice could read. The index of lines is
 * every slice, this one among them, so it is looked up when help is asked for rather than when this slice is made.
 */
@Component
@Order(1)
public class HelpSlice implements FeatureSlice<HelpCommand> {

    /** The short answer to a message I could not read: a few next steps, not the whole help again. */
    static final String DIDNT_CATCH = "Sorry, I didn't catch that. You could say **check in**, **my actions**, "
            + "or check in in one line, wellbeing then energy (1–5) and your reflection: 4 3 Tried a new huddle "
            + "format. Say **help** for more.";
    static final String DIDNT_CATCH_COACH = "Sorry, I didn't catch that. You could say **programme**, "
            + "**summary** or **check in**. Say **help** for more.";
    /** Anything in a team or group chat that works only in a 1:1 chat. */
    static final String ONE_TO_ONE = "Let's do that in our 1:1 chat, where it stays private: open a chat with "
            + "Waymark. Here I can help coaches with \"enrol\", \"add people\" and \"programme\".";

    private final ObjectProvider<HelpIndex> index;
    private final ConsentService consent;
    private final ProgrammeService programmes;
    private final ScheduleService schedules;

    HelpSlice(ObjectProvider<HelpIndex> index, ConsentService consent, ProgrammeService programmes,
              ScheduleService schedules) {
        this.index = index;
        this.consent = consent;
        this.programmes = programmes;
        this.schedules = schedules;
    }

    @Override
    public Optional<HelpCommand> parse(Phrase phrase) {
        return phrase.is("", "help", "?", "commands", "menu", "hi", "hello", "hey", "start")
                ? Optional.of(new HelpCommand.Show()) : Optional.empty();
    }

    @Override
    public Optional<HelpCommand> parseShared(Phrase phrase) {
        return parse(phrase);
    }

    @Override
    public List<Activity> handle(Turn turn, HelpCommand command) {
        long id = turn.participantId();
        String example = schedules.sessionExample(ZoneId.of(turn.participant().getTimeZone()));
        List<String> coachLines = index.getObject().help(HelpLine.Audience.COACH).stream()
                .map(line -> line.replace(HelpLine.SESSION_EXAMPLE, example)).toList();
        return List.of(Reply.card(HelpCard.card(coaches(id), consent.hasConsented(id),
                index.getObject().help(HelpLine.Audience.PARTICIPANT), coachLines)));
    }

    @Override
    public boolean worksInSharedChat(HelpCommand command) {
        return true;
    }

    @Override
    public CompletableFuture<List<Activity>> handleShared(SharedTurn turn, HelpCommand command) {
        return CompletableFuture.completedFuture(List.of(Reply.text(teamHelp())));
    }

    /** What coaches can do in a team or group chat: every slice's lines for it. */
    public String teamHelp() {
        return HelpCard.teamChat(index.getObject().help(HelpLine.Audience.TEAM_CHAT));
    }

    /** The answer in a 1:1 chat to a message no slice read: too long, an old card, or words I don't know. */
    public List<Activity> unread(Turn turn, Command command) {
        if (command instanceof Command.TooLong tooLong) {
            return List.of(Reply.text("That message is " + tooLong.length() + " characters long, more than the "
                    + tooLong.limit() + " I can take in one go. Nothing was saved. Could you send it in shorter parts?"));
        }
        if (command instanceof Command.UnknownCardAction) {
            return List.of(Reply.text("I couldn't tell what that card was for; it may be from an older message. "
                    + "Nothing was saved. Say \"help\" to see what I can do."));
        }
        return List.of(Reply.text(coaches(turn.participantId()) ? DIDNT_CATCH_COACH : DIDNT_CATCH));
    }

    /**
     * The answer in a team or group chat to anything that does not work there: words I don't know get what works
     * there; anything else (a 1:1 command, an old card, a long message) is pointed to the 1:1 chat.
     */
    public List<Activity> unreadInSharedChat(Command command) {
        return List.of(Reply.text(command instanceof Command.Unknown ? teamHelp() : ONE_TO_ONE));
    }

    /** On any programme's staff: help then shows the coaches' commands too. */
    private boolean coaches(long id) {
        return programmes.programmesOf(id).stream().anyMatch(p -> p.staffRole() != null);
    }
}
