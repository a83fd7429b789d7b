package com.waymark.impact;

/** Why an impact report can't be made, in words for the coach; nothing was read or recorded. */
public class ImpactProblem extends RuntimeException {

    public ImpactProblem(String message) {
        super(message);
    }
}
