package com.waymark.insight;

import java.time.Instant;
import java.util.List;

import com.waymark.pairing.PeerCoachingService.PairsSummary;

/**
 * What a coach receives before a session: the team summary since the last session, peer-coaching completion,
 * and coaching questions chosen from the question bank for the top themes.
 *
 * @param narrative a summary paragraph written by the optional language-model back end from the released
 *                  figures only; null when that back end is off (the default)
 */
public record SessionDigest(Instant sessionStartsAt, TeamSummary summary, PairsSummary pairs,
                            List<String> questions, String narrative) {

    public SessionDigest {
        questions = List.copyOf(questions);
    }
}
