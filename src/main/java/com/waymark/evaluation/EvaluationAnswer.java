package com.waymark.evaluation;

import java.util.Map;

/**
 * One person's answer to the evaluation, as read from their card: a rating from 1 to 5 per element they took part
 * in (an element left out is one they did not use), how likely they are to recommend the programme to a colleague
 * from 0 to 10, and their two open answers (either may be empty) with whether a coach may read them unattributed.
 */
public record EvaluationAnswer(Map<String, Integer> ratings, int recommend, String mostUseful, String wouldChange,
                               boolean quoteOk) {

    /** Open answers are kept to this length: a paragraph, not a document. */
    public static final int MAX_TEXT = 1000;

    public EvaluationAnswer {
        ratings = Map.copyOf(ratings);
    }
}
