package com.waymark.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.waymark.impact.ImpactPeriod;
import com.waymark.impact.ImpactReport.Figure;
import com.waymark.impact.ImpactReport.Section;
import com.waymark.impact.ImpactSection;
import org.springframework.stereotype.Component;

/**
 * The outcome measure in the commissioners' impact report, next to wellbeing: the cohort's work-related burnout at the
 * start and at the end with its bands, exactly as {@code evaluation results} shows the coach (released through the
 * programme's confidentiality policy and ledger, audited as an evaluation read with only the people it covers). A
 * programme that never had the measure on has no section; one that has it on says so even before anyone has answered
 * twice, so a board sees the measure is coming rather than wondering where it went.
 */
@Component
class OutcomeImpactSection implements ImpactSection {

    /** Straight after wellbeing and energy (20): the other "how are leaders" figure, on a validated scale. */
    static final int ORDER = 25;

    /** The bands' scores, as {@link OutcomeMeasure#band} draws them. */
    private static final Map<OutcomeMeasure.Band, String> RANGES = Map.of(OutcomeMeasure.Band.LOW, "below 50",
            OutcomeMeasure.Band.MODERATE, "50 to 74", OutcomeMeasure.Band.HIGH, "75 and over");

    private final EvaluationReport report;
    private final OutcomeMeasureService outcomes;

    OutcomeImpactSection(EvaluationReport report, OutcomeMeasureService outcomes) {
        this.report = report;
        this.outcomes = outcomes;
    }

    @Override
    public int order() {
        return ORDER;
    }

    /** The measure covers the whole programme, whatever the report's weeks: the coach's read has no period. */
    @Override
    public Optional<Section> read(long coachId, long programmeId, ImpactPeriod period) {
        // Answers kept from a time it was on still count (as on the coach's card), so "off" alone is not "nothing".
        if (!outcomes.enabled(programmeId) && outcomes.scored(programmeId).isEmpty()) {
            return Optional.empty();
        }
        EvaluationResults results = report.results(coachId, programmeId, Set.of(EvaluationReport.Part.OUTCOME));
        EvaluationResults.OutcomeResult outcome = results.outcome();
        if (!outcome.enabled() && outcome.people() == null) {
            return Optional.empty();
        }
        return Optional.of(section(outcome, results.threshold(), results.heldBack()));
    }

    static Section section(EvaluationResults.OutcomeResult outcome, int threshold, int heldBack) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Leaders who answered at the start and at the end",
                EvaluationImpactSection.count(outcome.people())));
        figures.add(new Figure("Average score at the start (0 to 100)",
                outcome.startMean() == null ? null : EvaluationImpactSection.mean(outcome.startMean())));
        figures.add(new Figure("Average score at the end (0 to 100)",
                outcome.endMean() == null ? null : EvaluationImpactSection.mean(outcome.endMean())));
        // Bands only once the measure itself is shown: before that, six more "hidden" rows would say nothing.
        // Band by band, start then end, so a reader compares each pair down the page.
        if (outcome.people() != null) {
            for (OutcomeMeasure.Band band : OutcomeMeasure.Band.values()) {
                String name = "Leaders in the " + band.label().toLowerCase(Locale.UK) + " band (" + RANGES.get(band)
                        + ")";
                figures.add(new Figure(name + ", at the start",
                        EvaluationImpactSection.count(outcome.startBands().get(band))));
                figures.add(new Figure(name + ", at the end",
                        EvaluationImpactSection.count(outcome.endBands().get(band))));
            }
        }
        List<String> notes = new ArrayList<>();
        if (outcome.people() == null) {
            notes.add("Figures appear once " + threshold + " or more leaders have answered both at the start and at "
                    + "the end of the programme.");
        } else if (figures.stream().anyMatch(f -> !f.shown())) {
            notes.add("A band reads hidden when fewer than " + threshold + " leaders are in it, or when it could be "
                    + "worked out from the others and the total; any figure reads hidden when an earlier reading had "
                    + "shown it from nearly the same leaders.");
        }
        return new Section("outcome", "Work-related burnout, start and end",
                "Leaders answer the seven work-related questions of the Copenhagen Burnout Inventory, unchanged, at the "
                        + "start (when they join, or when the measure was switched on) and again at the end. Scores run from 0 to 100, and higher means more burnout. "
                        + "Start and end are the same leaders, "
                        + "those who answered both times.", figures, notes, heldBack);
    }
}
