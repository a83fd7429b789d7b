package com.waymark.cycle;

/** A cycle request we refuse, with a sentence the person can act on; rolls back what it started. */
public class CycleProblem extends RuntimeException {

    public CycleProblem(String message) {
        super(message, null, false, false);
    }
}
