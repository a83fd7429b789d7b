package com.waymark.pairing;

/** A peer-coaching request we refuse, with a sentence the person can act on; rolls back what it started. */
public class PairingProblem extends RuntimeException {

    public PairingProblem(String message) {
        super(message, null, false, false);
    }
}
