package com.waymark.insight;

import java.time.Instant;
import java.util.List;

import com.waymark.cycle.SessionPulses;
import com.waymark.pairing.PeerCoachingService.PairsSummary;

/**
 * What a coach receives before a session: the team summary since the last session, peer-coaching completion,
 * and coaching questions chosen from the question bank for the top themes.
 *
 * @param narrative a summary paragraph written by the optional language-model back end from the released
 *                  figures only; null when that back end is off (the default)
 * @param diagnostic the diagnostic's figures and themes, before the programme's first session only; else null
 * @param cycle the pulse and commitments of the last sessions that ended (the coaching cycle); null when none has
 */
public record SessionDigest(Instant sessionStartsAt, TeamSummary summary, PairsSummary pairs,
                            List<String> questions, String narrative, DiagnosticDigest diagnostic,
                            SessionPulses.CycleReport cycle) {

    public SessionDigest {
        questions = List.copyOf(questions);
    }

    public SessionDigest(Instant sessionStartsAt, TeamSummary summary, PairsSummary pairs, List<String> questions,
                         String narrative) {
        this(sessionStartsAt, summary, pairs, questions, narrative, null, null);
    }

    public SessionDigest(Instant sessionStartsAt, TeamSummary summary, PairsSummary pairs, List<String> questions,
                         String narrative, DiagnosticDigest diagnostic) {
        this(sessionStartsAt, summary, pairs, questions, narrative, diagnostic, null);
    }
}
