package com.waymark.evaluation;

/**
 * A request the evaluation refuses, with a sentence the person can act on. Thrown inside the transaction, before
 * anything is written, so nothing is half-stored.
 */
public class EvaluationProblem extends RuntimeException {

    public EvaluationProblem(String message) {
        super(message, null, false, false);
    }
}
