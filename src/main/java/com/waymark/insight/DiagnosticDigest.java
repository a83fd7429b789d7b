package com.waymark.insight;

import java.util.List;

/**
 * What a coach sees of the diagnostic before the first session: how many people answered and, per question, the
 * themes of their answers, each figure released through the programme's confidentiality policy and its release
 * ledger. A null count is hidden.
 *
 * @param offered   people in the scope who were asked (a membership fact, shown with the count that answered)
 * @param answered  people who answered at least one question; null when hidden
 * @param heldBack  figures the release ledger held back in this read
 */
public record DiagnosticDigest(int threshold, int offered, Integer answered, List<QuestionThemes> questions,
                               int heldBack) {

    public DiagnosticDigest {
        questions = List.copyOf(questions);
    }

    /** One question: how many answered it (null: hidden) and the themes at least the threshold of people share. */
    public record QuestionThemes(String question, Integer people, List<Theme> themes, int smallThemes) {

        public QuestionThemes {
            themes = List.copyOf(themes);
        }
    }

    /** A theme of one question's answers: its name, the people who share it, words and opted-in quotes. */
    public record Theme(String name, int people, List<String> terms, List<String> quotes) {

        public Theme {
            terms = List.copyOf(terms);
            quotes = List.copyOf(quotes);
        }
    }
}
