package com.waymark.teams.question;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.question.CohortQuestions;
import com.waymark.question.CohortQuestions.Question;
import com.waymark.teams.AdaptiveCard;
import com.waymark.teams.BadInput;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.Command;
import com.waymark.teams.DateText;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.stereotype.Component;

/**
 * A coach's question for the cohort, at the edge: {@code ask everyone …}, {@code ask group Blue …} or the card sets it,
 * {@code question} shows what is set (with the card to set another), {@code withdraw question} takes it back. The
 * check-in card itself is unchanged: the question comes through checkin's prompts ({@code PromptLibrary}), attributed
 * "From your coach". The question is the coach's words: everything shown back goes through {@link PlainText#of}.
 */
@Component
class QuestionSlice implements FeatureSlice<QuestionSlice.QuestionCommand> {

    static final String ASK = "askCohortQuestion";
    static final String WITHDRAW = "withdrawCohortQuestion";
    /** The card's scope values: everyone, or a group by name (a name, not a database id, in the coach's programme). */
    static final String EVERYONE = "everyone";
    static final String GROUP = "group:";
    /** The card's toggle: the question points each member at their own commitments from the last session. */
    static final String COMMITMENTS = "aboutCommitments";

    sealed interface QuestionCommand extends Command {
    }

    /** {@code group} null for everyone; {@code aboutCommitments}: each member sees their own commitments beside it. */
    record Ask(String group, String text, boolean aboutCommitments) implements QuestionCommand {
    }

    /** {@code ask group Blue What…}: the group's name and the question, told apart against the programme's groups. */
    record AskGroup(String groupAndText) implements QuestionCommand {
    }

    record Show() implements QuestionCommand {
    }

    record Withdraw(String group) implements QuestionCommand {
    }

    private static final Pattern ASK_EVERYONE = Pattern.compile("(?is)ask\\s+everyone\\b[\\s:,]*(.*)");
    private static final Pattern ASK_GROUP = Pattern.compile("(?is)ask\\s+group\\b\\s*(.*)");
    /** After "ask everyone": the question points at each member's own commitments, with words of its own or none. */
    private static final Pattern ABOUT_COMMITMENTS = Pattern.compile("(?is)about\\s+(?:their\\s+|the\\s+)?"
            + "commitments\\b[\\s:,\\-–]*(.*)");
    /** After "ask group": the group's name, then the same. */
    private static final Pattern GROUP_ABOUT_COMMITMENTS = Pattern.compile("(?is)(.+?)\\s+about\\s+(?:their\\s+|"
            + "the\\s+)?commitments\\b[\\s:,\\-–]*(.*)");
    private static final Pattern WITHDRAW_PHRASE = Pattern.compile("(?i)withdraw\\s+(?:the\\s+)?question"
            + "(?:\\s+(?:for\\s+)?(?:group\\s+)?(.+?))?");

    private final CohortQuestions questions;
    private final Clock clock;

    QuestionSlice(CohortQuestions questions, Clock clock) {
        this.questions = questions;
        this.clock = clock;
    }

    @Override
    public Optional<QuestionCommand> parse(Phrase phrase) {
        // The person's own text: a question ends with "?", which the phrase's matching would drop.
        String text = phrase.text();
        if (phrase.is("ask", "question", "cohort question")) {
            return Optional.of(new Show());
        }
        Matcher everyone = ASK_EVERYONE.matcher(text);
        if (everyone.matches()) {
            Matcher commitments = ABOUT_COMMITMENTS.matcher(everyone.group(1));
            if (commitments.matches()) {
                return Optional.of(new Ask(null, commitments.group(1), true));
            }
            return Optional.of(everyone.group(1).isBlank() ? new Show() : new Ask(null, everyone.group(1), false));
        }
        Matcher group = ASK_GROUP.matcher(text);
        if (group.matches()) {
            Matcher commitments = GROUP_ABOUT_COMMITMENTS.matcher(group.group(1));
            if (commitments.matches()) {
                return Optional.of(new Ask(commitments.group(1), commitments.group(2), true));
            }
            return Optional.of(group.group(1).isBlank() ? new Show() : new AskGroup(group.group(1)));
        }
        Matcher withdraw = WITHDRAW_PHRASE.matcher(phrase.phrase());
        if (withdraw.matches()) {
            String scope = withdraw.group(1);
            boolean everyoneNamed = scope == null || scope.equals("everyone") || scope.equals("for everyone");
            return Optional.of(new Withdraw(everyoneNamed ? null : groupIn(text, scope)));
        }
        return Optional.empty();
    }

    @Override
    public Optional<QuestionCommand> parseCard(CardSubmit submit) {
        if (ASK.equals(submit.action())) {
            return Optional.of(new Ask(scope(submit.text("scope")), submit.text("question"),
                    "true".equals(submit.text(COMMITMENTS))));
        }
        if (WITHDRAW.equals(submit.action())) {
            return Optional.of(new Withdraw(scope(submit.text("scope"))));
        }
        return Optional.empty();
    }

    @Override
    public List<Activity> handle(Turn turn, QuestionCommand command) {
        long coach = turn.participantId();
        try {
            if (command instanceof Ask ask) {
                return List.of(Reply.text(set(questions.ask(coach, ask.group(), ask.text(), ask.aboutCommitments()))));
            }
            if (command instanceof AskGroup ask) {
                return List.of(Reply.text(set(questions.askGroup(coach, ask.groupAndText()))));
            }
            if (command instanceof Withdraw withdraw) {
                return List.of(Reply.text(questions.withdraw(coach, withdraw.group()).map(QuestionSlice::withdrawn)
                        .orElseGet(() -> nothingToWithdraw(withdraw.group()))));
            }
            return List.of(Reply.card(card(questions.overview(coach))));
        } catch (CohortQuestions.Refused refused) {
            throw new BadInput(refused.getMessage());
        }
    }

    @Override
    public List<HelpLine> help() {
        return List.of(HelpLine.coach("**ask everyone** and a question for the cohort's next check-ins, until the "
                + "next session, for example: " + CohortQuestions.EXAMPLE + "; **ask group Blue** and a question "
                + "for one group; **ask everyone about commitments** (or **ask group Blue about commitments**), with a "
                + "question or without, to show each member their own commitments from the last session beside it; "
                + "**question** to see it, **withdraw question** to take it back"));
    }

    // ---- words ----

    private String set(Question question) {
        return "Set for " + who(question) + ": \"" + PlainText.of(question.text()) + "\"\n\n"
                + "Their next check-in asks it in place of the usual prompt, once each, attributed \""
                + CohortQuestions.FROM_YOUR_COACH + "\", until " + until(question) + ". Their answers count as "
                + "reflections like any other: you see them as themes shared by several people, never one person's, "
                + "and quoted only where someone ticked \"OK to quote me\"."
                + (question.aboutCommitments() ? " Beside it, each of them sees their own commitments from the last "
                        + "session, and only their own; you see only the themed answers. Someone who noted none gets "
                        + "the question with a kind word instead." : "")
                + (question.group() == null ? "" : " For this group it takes the place of any question for everyone.")
                + " Say **question** to see it, or **withdraw question** to take it back.";
    }

    private static String withdrawn(Question question) {
        return "Withdrawn: the question for " + who(question) + ". Check-ins from now on use the usual prompts; "
                + "a check-in already sent, or on its way, still asks it, and its answer counts as usual.";
    }

    private static String nothingToWithdraw(String group) {
        return group == null
                ? "There's no question for everyone right now, so nothing was withdrawn. Say **question** to see what "
                        + "is set."
                : "There's no question for group " + PlainText.of(group) + " right now, so nothing was withdrawn. "
                        + "Say **question** to see what is set.";
    }

    private static String who(Question question) {
        return question.group() == null ? "everyone in " + PlainText.of(question.programme())
                : "group " + PlainText.of(question.group()) + " in " + PlainText.of(question.programme());
    }

    private String until(Question question) {
        String when = DateText.when(question.expiresAt(), question.zone(), clock) + " ("
                + DateText.zone(question.zone()) + ")";
        return question.untilSession() ? "the next session, " + when
                : when + ", " + CohortQuestions.WITHOUT_SESSION.toDays() + " days after it was set, as no session was "
                        + "planned (one recorded sooner ends it then)";
    }

    private AdaptiveCard card(CohortQuestions.Overview overview) {
        AdaptiveCard card = AdaptiveCard.create().heading("A question for the cohort")
                .subtle(PlainText.of(overview.programme()) + ". Until the next session, check-ins ask it in place of "
                        + "the usual prompt, once each. You see the answers as themes shared by several people, "
                        + "like any reflection.");
        if (overview.live().isEmpty()) {
            card.text("No question is set right now: check-ins use the usual prompts.");
        }
        List<AdaptiveCard.Choice> scopes = new ArrayList<>();
        scopes.add(new AdaptiveCard.Choice("Everyone", EVERYONE));
        overview.groups().forEach(g -> scopes.add(new AdaptiveCard.Choice("Group " + PlainText.of(g), GROUP + g)));
        for (Question live : overview.live()) {
            card.emphasis(live.group() == null ? "For everyone" : "For group " + PlainText.of(live.group()))
                    .text(PlainText.of(live.text()))
                    .subtle((live.askedBy() == null ? "Set" : "Set by " + PlainText.of(live.askedBy())) + " on "
                            + DateText.weekday(live.askedAt().atZone(live.zone()).toLocalDate(), live.zone(), clock)
                            + ", until " + until(live) + "." + (live.aboutCommitments() ? " Beside it, each member "
                            + "sees their own commitments from the last session." : ""));
        }
        card.textInput("question", "A new question (it replaces the one for the same people)",
                "What did you notice about how you listened this week?", CohortQuestions.MAX_CHARS)
                .pick("scope", "For", scopes, EVERYONE, true, false)
                .toggle(COMMITMENTS, "Show each member their own commitments from the last session beside it")
                .submit("Set question", ASK);
        for (Question live : overview.live()) {
            card.submitAlone(live.group() == null ? "Withdraw everyone's question"
                            : "Withdraw group " + PlainText.of(live.group()) + "'s question", WITHDRAW,
                    Map.of("scope", live.group() == null ? EVERYONE : GROUP + live.group()));
        }
        return card;
    }

    /** The card's scope: null for everyone, else the group's name. */
    private static String scope(String value) {
        return value == null || !value.startsWith(GROUP) ? null : value.substring(GROUP.length());
    }

    /** The group's name as typed (its case), from the lower-cased {@code scope} the phrase matched. */
    private static String groupIn(String text, String scope) {
        int at = text.toLowerCase(java.util.Locale.ROOT).lastIndexOf(scope);
        return at < 0 ? scope : text.substring(at, at + scope.length());
    }
}
