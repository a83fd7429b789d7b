package com.waymark.teams.question;

import java.util.ArrayList;
import java.util.List;

import com.waymark.cycle.OwnCommitments;
import com.waymark.cycle.Progress;
import com.waymark.question.CohortQuestions;
import com.waymark.teams.PlainText;
import org.springframework.stereotype.Component;

/**
 * What a check-in card shows beside a coach's question that points at commitments: the person's own commitments from
 * their programme's last session, in their own words, read for them when their card is made and never stored with
 * the question; someone with none gets the question with a kind line instead. Nothing for any other prompt.
 */
@Component
public class CommitmentsBeside {

    static final String YOURS = "What you said you'd try after the last session (only you see this):";
    static final String NONE = "You didn't note anything to try after the last session, and that's fine: answer from "
            + "whatever you've tried or noticed since.";

    private final CohortQuestions questions;
    private final OwnCommitments commitments;

    CommitmentsBeside(CohortQuestions questions, OwnCommitments commitments) {
        this.questions = questions;
        this.commitments = commitments;
    }

    /** The lines to show under this prompt in this person's check-in; none when it does not point at commitments. */
    public List<String> lines(String promptId, long participantId) {
        return questions.pointsAtCommitments(promptId).map(programmeId -> {
            List<OwnCommitments.Mine> mine = commitments.fromLastSession(participantId, programmeId);
            if (mine.isEmpty()) {
                return List.of(NONE);
            }
            List<String> lines = new ArrayList<>();
            lines.add(YOURS);
            mine.forEach(c -> lines.add("• " + PlainText.of(c.text()) + how(c.progress())));
            return List.copyOf(lines);
        }).orElse(List.of());
    }

    private static String how(Progress progress) {
        if (progress == null) {
            return "";
        }
        return switch (progress) {
            case DONE -> " (done)";
            case PARTLY -> " (partly)";
            case NOT_YET -> " (not yet)";
            case IN_THE_WAY -> " (something's in the way)";
        };
    }
}
