package com.waymark.teams.evaluation;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.bot.schema.Activity;
import com.waymark.evaluation.Element;
import com.waymark.evaluation.EvaluationAnswer;
import com.waymark.evaluation.EvaluationProblem;
import com.waymark.evaluation.EvaluationReport;
import com.waymark.evaluation.EvaluationService;
import com.waymark.evaluation.OutcomeMeasure;
import com.waymark.evaluation.OutcomeMeasureService;
import com.waymark.programme.Programme;
import com.waymark.programme.ProgrammeProblem;
import com.waymark.programme.ProgrammeService;
import com.waymark.teams.BadInput;
import com.waymark.teams.CardIds;
import com.waymark.teams.CardSubmit;
import com.waymark.teams.FeatureSlice;
import com.waymark.teams.HelpLine;
import com.waymark.teams.Phrase;
import com.waymark.teams.PlainText;
import com.waymark.teams.Reply;
import com.waymark.teams.Turn;
import org.springframework.stereotype.Component;

/**
 * The end-of-programme evaluation and the outcome measure at the Teams edge: a coach's "evaluation" (its overview),
 * "evaluation send", "evaluation add element …", "evaluation results", "outcome measure on|off"; and the two cards
 * people answer. Everything a coach sees comes from {@link EvaluationReport}, already decided by the policy.
 */
@Component
class EvaluationSlice implements FeatureSlice<EvaluationCommand> {

    static final Pattern ADD_ELEMENT = Pattern.compile("(?i)evaluation add element\\s*(.*)");
    static final String SAVED = "Thank you: your answers are saved. Answering the card again replaces them.";
    static final String NOTHING_OPEN = "There is no evaluation waiting for you just now. When your programme's "
            + "evaluation is sent, it comes to this chat.";
    static final String NOT_YOURS = "That card wasn't made for you, or it is out of date, so nothing was saved.";

    private final EvaluationService evaluations;
    private final EvaluationReport report;
    private final OutcomeMeasureService outcomes;
    private final ProgrammeService programmes;
    private final CardIds ids;
    private final Clock clock;

    EvaluationSlice(EvaluationService evaluations, EvaluationReport report, OutcomeMeasureService outcomes,
                    ProgrammeService programmes, CardIds ids, Clock clock) {
        this.evaluations = evaluations;
        this.report = report;
        this.outcomes = outcomes;
        this.programmes = programmes;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Optional<EvaluationCommand> parse(Phrase phrase) {
        if (phrase.is("evaluation", "programme evaluation")) {
            return Optional.of(new EvaluationCommand.Show());
        }
        if (phrase.is("evaluation send", "send evaluation", "send the evaluation")) {
            return Optional.of(new EvaluationCommand.Send());
        }
        if (phrase.is("evaluation results", "evaluation result")) {
            return Optional.of(new EvaluationCommand.Results());
        }
        if (phrase.is("outcome measure on")) {
            return Optional.of(new EvaluationCommand.Outcome(true));
        }
        if (phrase.is("outcome measure off")) {
            return Optional.of(new EvaluationCommand.Outcome(false));
        }
        Matcher add = phrase.match(ADD_ELEMENT);
        return add == null ? Optional.empty() : Optional.of(new EvaluationCommand.AddElement(add.group(1)));
    }

    @Override
    public Optional<EvaluationCommand> parseCard(CardSubmit submit) {
        switch (submit.action()) {
            case EvaluationCards.SEND:
                return Optional.of(new EvaluationCommand.Send());
            case EvaluationCards.RESULTS:
                return Optional.of(new EvaluationCommand.Results());
            case EvaluationCards.OUTCOME_ON:
                return Optional.of(new EvaluationCommand.Outcome(true));
            case EvaluationCards.OUTCOME_OFF:
                return Optional.of(new EvaluationCommand.Outcome(false));
            case EvaluationCards.ANSWER: {
                Map<String, String> ratings = new LinkedHashMap<>();
                submit.data().fieldNames().forEachRemaining(name -> {
                    if (name.startsWith("rate.") && submit.text(name) != null) {
                        ratings.put(name.substring("rate.".length()), submit.text(name));
                    }
                });
                return Optional.of(new EvaluationCommand.Answer(submit.text("programme"), ratings,
                        submit.text("recommend"), submit.text("mostUseful"), submit.text("wouldChange"),
                        "true".equals(submit.text("quoteOk"))));
            }
            case EvaluationCards.OUTCOME_ANSWER: {
                List<String> answers = new ArrayList<>();
                for (int i = 1; i <= OutcomeMeasure.ITEMS.size(); i++) {
                    answers.add(submit.text("item" + i));
                }
                OutcomeMeasure.Phase phase = "END".equals(submit.text("phase")) ? OutcomeMeasure.Phase.END
                        : OutcomeMeasure.Phase.START;
                return Optional.of(new EvaluationCommand.OutcomeAnswer(submit.text("programme"), phase, answers));
            }
            default:
                return Optional.empty();
        }
    }

    @Override
    public List<Activity> handle(Turn turn, EvaluationCommand command) {
        try {
            return handled(turn, command);
        } catch (ProgrammeProblem | EvaluationProblem problem) {
            throw new BadInput(problem.getMessage());
        }
    }

    private List<Activity> handled(Turn turn, EvaluationCommand command) {
        long id = turn.participantId();
        ZoneId zone = ZoneId.of(turn.participant().getTimeZone());
        if (command instanceof EvaluationCommand.Show) {
            return show(turn);
        }
        if (command instanceof EvaluationCommand.Send) {
            Programme programme = programmes.currentCoached(id);
            EvaluationService.Sent sent = evaluations.send(id, programme.getId());
            String outcome = sent.outcomeInvited() == 0 ? ""
                    : " The outcome measure's closing questions go to " + people(sent.outcomeInvited()) + " with it.";
            return List.of(Reply.text(sent.invited() == 0
                    ? "Every member of \"" + PlainText.of(sent.programmeName()) + "\" already has the evaluation, "
                            + "so nobody new was sent it." + outcome
                    : "Sent the evaluation of \"" + PlainText.of(sent.programmeName()) + "\" to "
                            + people(sent.invited()) + ". It reaches each of them in their own working hours. Say "
                            + "\"evaluation results\" to see what they say, once enough have answered." + outcome));
        }
        if (command instanceof EvaluationCommand.AddElement add) {
            Programme programme = programmes.currentCoached(id);
            Element element = evaluations.addElement(id, programme.getId(), add.name());
            return List.of(Reply.text("Added \"" + PlainText.of(element.name()) + "\" to the evaluation of \""
                    + PlainText.of(programme.getName()) + "\". Members will rate it from 1 to 5."));
        }
        if (command instanceof EvaluationCommand.Results) {
            Programme programme = programmes.currentCoached(id);
            return List.of(Reply.card(EvaluationCards.results(report.results(id, programme.getId()), zone, clock)));
        }
        if (command instanceof EvaluationCommand.Outcome outcome) {
            Programme programme = programmes.currentCoached(id);
            OutcomeMeasureService.Switched switched = outcomes.setEnabled(id, programme.getId(), outcome.on());
            String name = "\"" + PlainText.of(switched.programmeName()) + "\"";
            if (!switched.enabled()) {
                return List.of(Reply.text("The outcome measure is off for " + name + ": nobody more will be asked "
                        + "its questions. Answers already given stay in the results."));
            }
            return List.of(Reply.text("The outcome measure is on for " + name + ". I've asked "
                    + people(switched.invited()) + " for their starting answers; everyone who joins from now is "
                    + "asked too, and everyone again with the evaluation."));
        }
        if (command instanceof EvaluationCommand.Answer answer) {
            long programmeId = programme(id, answer.programme());
            evaluations.answer(id, programmeId, new EvaluationAnswer(ratings(answer.ratings()),
                    recommend(answer.recommend()), answer.mostUseful(), answer.wouldChange(), answer.quoteOk()));
            return List.of(Reply.text(SAVED));
        }
        if (command instanceof EvaluationCommand.OutcomeAnswer answer) {
            long programmeId = programme(id, answer.programme());
            List<Integer> answers = new ArrayList<>();
            for (String value : answer.answers()) {
                answers.add(value == null ? null : option(value));
            }
            outcomes.record(id, programmeId, answer.phase(), answers);
            return List.of(Reply.text(SAVED));
        }
        throw new IllegalArgumentException("Not an evaluation command: " + command.getClass().getSimpleName());
    }

    /**
     * A coach sees their programme's overview; a member sees their own evaluation card when one is open. Someone who
     * coaches several programmes and has chosen none is told how to choose.
     */
    private List<Activity> show(Turn turn) {
        long id = turn.participantId();
        ZoneId zone = ZoneId.of(turn.participant().getTimeZone());
        Optional<Programme> current = programmes.current(id);
        if (current.isPresent() && programmes.staffIds(current.get().getId()).contains(id)) {
            return List.of(overview(programmes.coached(id, current.get().getId()), zone));
        }
        List<Activity> cards = new ArrayList<>();
        List<ProgrammeService.MyProgramme> mine = programmes.programmesOf(id);
        for (ProgrammeService.MyProgramme programme : mine) {
            evaluations.invitation(id, programme.programme().getId()).filter(i -> !i.answered()).ifPresent(invitation ->
                    cards.add(Reply.card(EvaluationCards.evaluation(invitation,
                            ids.seal(CardIds.Kind.PROGRAMME, id, invitation.programmeId()),
                            programme.programme().thresholdAt(clock.instant())))));
        }
        if (cards.isEmpty() && mine.stream().anyMatch(m -> m.staffRole() != null)) {
            // Throws the kind explanation of how to choose a programme when they coach several.
            return List.of(overview(programmes.currentCoached(id), zone));
        }
        return cards.isEmpty() ? List.of(Reply.text(NOTHING_OPEN)) : cards;
    }

    private Activity overview(Programme programme, ZoneId zone) {
        return Reply.card(EvaluationCards.overview(programme.getName(), evaluations.sentAt(programme.getId()),
                evaluations.sendsItselfOn(programme.info()), evaluations.elements(programme.getId()),
                outcomes.enabled(programme.getId()), zone, clock));
    }

    private long programme(long viewerId, String token) {
        return ids.open(CardIds.Kind.PROGRAMME, viewerId, token).orElseThrow(() -> new BadInput(NOT_YOURS));
    }

    private static Map<String, Integer> ratings(Map<String, String> raw) {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            Integer rating = number(value);
            if (rating == null || rating < 1 || rating > 5) {
                throw new BadInput("Please rate each element from 1 (poor) to 5 (excellent) with the card's "
                        + "choices, or leave it out. Nothing was saved.");
            }
            ratings.put(key, rating);
        });
        return ratings;
    }

    private static int recommend(String raw) {
        Integer value = number(raw);
        if (value == null || value < 0 || value > 10) {
            throw new BadInput("Please choose how likely you are to recommend the programme, from 0 (not at all "
                    + "likely) to 10 (extremely likely). Nothing was saved.");
        }
        return value;
    }

    private static int option(String raw) {
        Integer value = number(raw);
        if (value == null || value < 0 || value > 4) {
            throw new BadInput("Please answer with the card's choices. Nothing was saved.");
        }
        return value;
    }

    private static Integer number(String raw) {
        if (raw == null || !raw.strip().matches("\\d{1,2}")) {
            return null;
        }
        return Integer.valueOf(raw.strip());
    }

    private static String people(int count) {
        return count == 1 ? "1 person" : count + " people";
    }

    @Override
    public List<HelpLine> help() {
        return List.of(
                HelpLine.participant("**evaluation**: your programme's end-of-programme evaluation, when it is open"),
                HelpLine.coach("**evaluation**: the end-of-programme evaluation, when it goes and what it asks; "
                        + "**evaluation send** sends it now"),
                HelpLine.coach("**evaluation add element Action learning sets**: one more part of the programme "
                        + "for people to rate"),
                HelpLine.coach("**evaluation results**: the evaluation's figures, for groups large enough"),
                HelpLine.coach("**outcome measure on** (or **off**): seven work-related burnout questions at the "
                        + "start and the end"));
    }
}
