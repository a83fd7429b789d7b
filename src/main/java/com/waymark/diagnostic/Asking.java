package com.waymark.diagnostic;

import com.waymark.diagnostic.DiagnosticQuestions.Question;

/**
 * A diagnostic question a person is on: which of how many, in which programme, and whether it was offered after the
 * programme's first session (they joined late); {@code threshold}: the programme's confidentiality threshold now, which
 * what they are told about who sees what must name.
 */
public record Asking(long diagnosticId, long programmeId, String programmeName, int position, Question question,
                     boolean afterFirstSession, int threshold) {

    /** Counted from 1, for "question 2 of 6". */
    public int number() {
        return position + 1;
    }

    public int of() {
        return DiagnosticQuestions.count();
    }
}
