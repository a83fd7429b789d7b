package com.waymark.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a coach may see of a programme's evaluation, every figure already decided by the programme's
 * confidentiality policy and release ledger: a null figure is hidden (too few people, or it would differ by a
 * handful of people from one released before). Quotes are open answers whose authors said a coach may read them,
 * only where at least the threshold of people answered that question; never who wrote them.
 *
 * @param sentAt    when the evaluation went out, or null when it has not
 * @param responded how many people answered (staff and the reader never count), or null when hidden
 * @param heldBack  figures held back because of what was released before
 */
public record EvaluationResults(long programmeId, String programmeName, int threshold, Instant sentAt,
                                boolean automatic, Integer responded, List<ElementResult> elements,
                                Double recommendMean, Integer recommendPeople, List<String> mostUseful,
                                List<String> wouldChange, OutcomeResult outcome, int heldBack) {

    /**
     * One element's ratings: the mean (1 to 5) over the people who rated it, and how many of them rated it 4 (Good)
     * or 5 (Excellent), each null when hidden.
     */
    public record ElementResult(String name, Double mean, Integer people, Integer goodOrExcellent) {
    }

    /**
     * The outcome measure over the people who answered it both at the start and at the end: mean scores (0 to 100,
     * higher is more burnout) and how many were in each band then, each null when hidden.
     */
    public record OutcomeResult(boolean enabled, Integer people, Double startMean, Double endMean,
                                Map<OutcomeMeasure.Band, Integer> startBands,
                                Map<OutcomeMeasure.Band, Integer> endBands) {
    }

    public boolean sent() {
        return sentAt != null;
    }
}
