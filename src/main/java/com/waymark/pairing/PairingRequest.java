package com.waymark.pairing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One round to pair.
 *
 * @param participants who is active this round (filtering out the paused, those on leave and those who
 *                     opted out is the caller's job); order does not matter
 * @param mode         the programme's mode; PROGRESSION is resolved per round
 * @param roundIndex   0-based index of this round in the programme
 * @param totalRounds  rounds planned for the programme; the engine plans ahead to its end, so an open-ended
 *                     rhythm passes its planning horizon
 * @param seed         same request, rules, history and seed give the same round
 */
public record PairingRequest(List<Candidate> participants, PairingMode mode, int roundIndex, int totalRounds,
        long seed) {

    /** Keeps the blended costs within a {@code long}; far beyond any one cohort. */
    public static final int MAX_PARTICIPANTS = 1000;

    public PairingRequest {
        participants = List.copyOf(participants);
        if (mode == null) {
            throw new IllegalArgumentException("a pairing mode is required");
        }
        mode.forRound(roundIndex, totalRounds); // validates the round numbers
        if (participants.size() > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("at most " + MAX_PARTICIPANTS + " participants in one round");
        }
        Set<Long> ids = new HashSet<>();
        for (Candidate candidate : participants) {
            if (!ids.add(candidate.id())) {
                throw new IllegalArgumentException("participant " + candidate.id() + " appears twice");
            }
        }
    }

    public PairingMode roundMode() {
        return mode.forRound(roundIndex, totalRounds);
    }
}
