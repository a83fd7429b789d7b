package com.waymark.diagnostic;

/** Something the person sent that the diagnostic can't take; its message is the kind answer. Nothing was stored. */
public class DiagnosticProblem extends RuntimeException {

    public DiagnosticProblem(String message) {
        super(message, null, false, false);
    }
}
