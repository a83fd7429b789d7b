package com.waymark.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.waymark.impact.ImpactPeriod;
import com.waymark.impact.ImpactReport.Figure;
import com.waymark.impact.ImpactReport.Section;
import com.waymark.impact.ImpactSection;
import org.springframework.stereotype.Component;

/**
 * The cohort evaluation's ratings in the commissioners' impact report: exactly the figures {@code evaluation results}
 * shows the coach ({@link EvaluationReport#results}, released through the programme's confidentiality policy and
 * ledger, audited as an evaluation read), worded for a board. Open answers are never in it: leaders agreed to be quoted
 * to their coach, not beyond. A programme whose evaluation has not gone out has no section (nothing read, nothing
 * audited): a board reads of an evaluation only once there is one. The outcome measure is its own section,
 * {@link OutcomeImpactSection}, by wellbeing.
 */
@Component
class EvaluationImpactSection implements ImpactSection {

    /** After peer coaching (40), before themes (50): how leaders judged the programme, then what they wrote about. */
    static final int ORDER = 45;

    private final EvaluationReport report;
    private final EvaluationService evaluations;

    EvaluationImpactSection(EvaluationReport report, EvaluationService evaluations) {
        this.report = report;
        this.evaluations = evaluations;
    }

    @Override
    public int order() {
        return ORDER;
    }

    /** Evaluation figures cover the whole programme, whatever the report's weeks: the coach's read has no period. */
    @Override
    public Optional<Section> read(long coachId, long programmeId, ImpactPeriod period) {
        if (evaluations.round(programmeId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(section(report.results(coachId, programmeId, Set.of(EvaluationReport.Part.RATINGS))));
    }

    /** Plain wording of released figures: a null one stays null (the report prints "hidden"). */
    static Section section(EvaluationResults results) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Leaders who answered the evaluation", count(results.responded())));
        for (EvaluationResults.ElementResult element : results.elements()) {
            // The number rated Good or Excellent is left out, not shown as hidden, when the mean is shown but that
            // number is not (as on the coach's card): all on one side of it would give each answer away.
            String value = element.mean() == null ? null : mean(element.mean()) + " from " + leaders(element.people())
                    + (element.goodOrExcellent() == null ? ""
                    : ", " + element.goodOrExcellent() + " rated it Good or Excellent");
            figures.add(new Figure(element.name() + ", average rating (1 to 5)", value));
        }
        figures.add(new Figure("Would recommend the programme, average (0 to 10)", results.recommendMean() == null
                ? null : mean(results.recommendMean()) + " from " + leaders(results.recommendPeople())));
        List<String> notes = new ArrayList<>();
        if (figures.stream().anyMatch(f -> !f.shown())) {
            notes.add(hiddenNote(results.threshold()));
        }
        notes.add("Leaders' written answers are not included: they agreed to be quoted to their coach, not beyond.");
        return new Section("evaluation", "Leaders' evaluation of the programme",
                "At the end of the programme each leader rates its parts from 1 (poor) to 5 (excellent), and says "
                        + "how likely they are to recommend it, from 0 to 10. Each average is over the leaders who "
                        + "rated that part.", figures, notes, results.heldBack());
    }

    /** Why a figure of this module reads hidden: the three reasons the policy and the ledger have. */
    static String hiddenNote(int threshold) {
        return "A figure reads hidden when fewer than " + threshold + " leaders answered it, when it would let a "
                + "hidden one be worked out, or when an earlier reading had shown it from nearly the same leaders.";
    }

    static String count(Integer people) {
        return people == null ? null : people.toString();
    }

    private static String leaders(int people) {
        return people == 1 ? "1 leader" : people + " leaders";
    }

    /** One decimal, as the coach's card prints it. */
    static String mean(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
