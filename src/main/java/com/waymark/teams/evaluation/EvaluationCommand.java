package com.waymark.teams.evaluation;

import java.util.List;
import java.util.Map;

import com.waymark.evaluation.OutcomeMeasure;
import com.waymark.teams.Command;

/** What the evaluation slice understands: the coach's commands and the cards people answer. */
sealed interface EvaluationCommand extends Command {

    /** "evaluation": a coach sees their programme's evaluation; anyone else, their own open evaluation card. */
    record Show() implements EvaluationCommand {
    }

    record Send() implements EvaluationCommand {
    }

    record AddElement(String name) implements EvaluationCommand {
    }

    record Results() implements EvaluationCommand {
    }

    record Outcome(boolean on) implements EvaluationCommand {
    }

    /** A card's answer: {@code programme} is the sealed id the card was made with. */
    record Answer(String programme, Map<String, String> ratings, String recommend, String mostUseful,
                  String wouldChange, boolean quoteOk) implements EvaluationCommand {
    }

    record OutcomeAnswer(String programme, OutcomeMeasure.Phase phase, List<String> answers)
            implements EvaluationCommand {
    }
}
