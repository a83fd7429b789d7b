package com.waymark.programme;

/**
 * A request the programme rules refuse, with a sentence the person can act on. Thrown inside a
 * transaction, so whatever the request had started to write is rolled back with it.
 */
public class ProgrammeProblem extends RuntimeException {

    public ProgrammeProblem(String message) {
        super(message, null, false, false);
    }
}
