package com.waymark.privacy;

/**
 * Published when a person agrees to the current privacy notice, inside that transaction: what a feature held back
 * until then (a diagnostic offered at enrolment, say) may start in the same commit.
 */
public record ConsentGiven(long participantId) {
}
