package com.waymark.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.waymark.impact.ImpactPeriod;
import com.waymark.impact.ImpactReport.Figure;
import com.waymark.impact.ImpactReport.Section;
import com.waymark.impact.ImpactSection;
import org.springframework.stereotype.Component;

/**
 * The cohort evaluation and the outcome measure in the commissioners' impact report: exactly the figures
 * {@code evaluation results} shows the coach ({@link EvaluationReport#results}, released through the programme's
 * confidentiality policy and ledger, audited as an evaluation read), worded for a board. Open answers are never in it:
 * leaders agreed to be quoted to their coach, not beyond. A programme whose evaluation has not gone out and whose
 * outcome measure is off has no section (nothing read, nothing audited).
 */
@Component
class EvaluationImpactSection implements ImpactSection {

    /** After peer coaching (40), before themes (50): how leaders judged the programme, then what they wrote about. */
    static final int ORDER = 45;

    private final EvaluationReport report;
    private final EvaluationService evaluations;
    private final OutcomeMeasureService outcomes;

    EvaluationImpactSection(EvaluationReport report, EvaluationService evaluations, OutcomeMeasureService outcomes) {
        this.report = report;
        this.evaluations = evaluations;
        this.outcomes = outcomes;
    }

    @Override
    public int order() {
        return ORDER;
    }

    /** Evaluation figures cover the whole programme, whatever the report's weeks: the coach's read has no period. */
    @Override
    public Optional<Section> read(long coachId, long programmeId, ImpactPeriod period) {
        if (evaluations.round(programmeId).isEmpty() && !outcomes.enabled(programmeId)) {
            return Optional.empty();
        }
        return Optional.of(section(report.results(coachId, programmeId)));
    }

    /** Plain wording of released figures: a null one stays null (the report prints "hidden"). */
    static Section section(EvaluationResults results) {
        int threshold = results.threshold();
        List<Figure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (results.sent()) {
            figures.add(new Figure("Leaders who answered the evaluation", count(results.responded())));
            for (EvaluationResults.ElementResult element : results.elements()) {
                // The share rated Good or Excellent is left out, not shown as hidden, when the mean is shown but the
                // share is not (as on the coach's card): everyone on one side of it would give each answer away.
                String value = element.mean() == null ? null : mean(element.mean()) + " from "
                        + leaders(element.people()) + (element.goodOrExcellent() == null ? ""
                        : ", " + element.goodOrExcellent() + " Good or Excellent");
                figures.add(new Figure(element.name() + ", average rating (1 to 5)", value));
            }
            figures.add(new Figure("Would recommend the programme, average (0 to 10)",
                    results.recommendMean() == null ? null
                            : mean(results.recommendMean()) + " from " + leaders(results.recommendPeople())));
        } else {
            notes.add("The closing evaluation has not been sent yet, so there are no ratings to report.");
        }
        EvaluationResults.OutcomeResult outcome = results.outcome();
        if (outcome.enabled() || outcome.people() != null) {
            figures.add(new Figure("Burnout measure: leaders who answered at the start and the end",
                    count(outcome.people())));
            figures.add(new Figure("Burnout score at the start, average (0 to 100)",
                    outcome.startMean() == null ? null : mean(outcome.startMean())));
            figures.add(new Figure("Burnout score at the end, average (0 to 100)",
                    outcome.endMean() == null ? null : mean(outcome.endMean())));
            // Bands only once the measure itself is shown: before that, six "hidden" rows say nothing more.
            if (outcome.people() != null) {
                bands(figures, "start", outcome.startBands());
                bands(figures, "end", outcome.endBands());
            }
            notes.add("The burnout measure is the Copenhagen Burnout Inventory's work-related scale, asked unchanged at "
                    + "the start and at the end: 0 to 100, higher means more burnout; low below 50, moderate 50 to "
                    + "74, high 75 and over. Start and end are the same leaders: those who answered both times.");
        }
        boolean anyHidden = figures.stream().anyMatch(f -> !f.shown());
        if (anyHidden) {
            notes.add("A figure reads hidden when fewer than " + threshold + " leaders answered it, when it would let "
                    + "a hidden one be worked out, or when an earlier reading had shown it from nearly the same "
                    + "leaders.");
        }
        if (results.sent()) {
            notes.add("Leaders' written answers are not included: they agreed to be quoted to their coach, not "
                    + "beyond.");
        }
        return new Section("evaluation", "Leaders' evaluation",
                "At the end of the programme each leader rates its parts from 1 (poor) to 5 (excellent), and says "
                        + "how likely they are to recommend it, from 0 to 10. Over the whole programme.",
                figures, notes, results.heldBack());
    }

    private static void bands(List<Figure> figures, String when, Map<OutcomeMeasure.Band, Integer> bands) {
        for (OutcomeMeasure.Band band : OutcomeMeasure.Band.values()) {
            figures.add(new Figure("Burnout at the " + when + ": leaders in the " + band.label()
                    .toLowerCase(Locale.UK) + " band", count(bands.get(band))));
        }
    }

    private static String count(Integer people) {
        return people == null ? null : people.toString();
    }

    private static String leaders(int people) {
        return people == 1 ? "1 leader" : people + " leaders";
    }

    /** One decimal, as the coach's card prints it. */
    private static String mean(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
