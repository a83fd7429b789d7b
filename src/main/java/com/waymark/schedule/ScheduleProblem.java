package com.waymark.schedule;

/** A scheduling request we refuse, with a sentence the person can act on; rolls back what it started. */
public class ScheduleProblem extends RuntimeException {

    public ScheduleProblem(String message) {
        super(message, null, false, false);
    }
}
