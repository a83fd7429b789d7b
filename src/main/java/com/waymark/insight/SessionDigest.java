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
 */
public record SessionDigest(Instant sessionStartsAt, TeamSummary summary, PairsSummary pairs,
                            List<String> questions, String narrative, SessionPulses.CycleReport cycle) {

    public SessionDigest {
        questions = List.copyOf(questions);
    }

    /** Without the coaching cycle's section (no session has ended, or it was not read). */
    public SessionDigest(Instant sessionStartsAt, TeamSummary summary, PairsSummary pairs, List<String> questions,
                         String narrative) {
        this(sessionStartsAt, summary, pairs, questions, narrative, null);
    }
}
