package com.waymark.insight;

/** A coach's request that can't be answered as asked; the message says kindly what to do instead. */
public class InsightProblem extends RuntimeException {

    public InsightProblem(String message) {
        super(message);
    }
}
