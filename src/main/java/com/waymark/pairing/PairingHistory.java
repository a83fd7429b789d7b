package com.waymark.pairing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who has met whom so far in the programme: for each unordered pair, how many times, and the round index
 * of the latest meeting when it is known ({@link Meeting#UNKNOWN_ROUND} otherwise, e.g. for history
 * imported without dates). Immutable; {@link #withRound} returns the history after one more round.
 */
public record PairingHistory(Map<PairKey, Meeting> meetings) {

    /** How often a pair has met, and when they last did. */
    public record Meeting(int times, int lastRound) {

        public static final int UNKNOWN_ROUND = -1;

        public Meeting {
            if (times < 1) {
                throw new IllegalArgumentException("a recorded meeting happened at least once");
            }
        }
    }

    public PairingHistory {
        meetings = Map.copyOf(meetings);
    }

    public static PairingHistory empty() {
        return new PairingHistory(Map.of());
    }

    /** Adds every pair within every group of the round (a trio is three pairs) at the round's index. */
    public PairingHistory withRound(Round round) {
        Map<PairKey, Meeting> updated = new HashMap<>(meetings);
        for (Group group : round.groups()) {
            for (PairKey pair : group.pairs()) {
                Meeting before = updated.get(pair);
                int times = before == null ? 1 : before.times() + 1;
                updated.put(pair, new Meeting(times, round.roundIndex()));
            }
        }
        return new PairingHistory(updated);
    }

    public int timesMet(long a, long b) {
        Meeting meeting = meetings.get(PairKey.of(a, b));
        return meeting == null ? 0 : meeting.times();
    }

    /** The round of the pair's latest meeting, or {@link Meeting#UNKNOWN_ROUND} (also when they never met). */
    public int lastMet(long a, long b) {
        Meeting meeting = meetings.get(PairKey.of(a, b));
        return meeting == null ? Meeting.UNKNOWN_ROUND : meeting.lastRound();
    }

    /** Meetings beyond each pair's first: the figure the engine keeps down. */
    public long repeats() {
        return meetings.values().stream().mapToLong(m -> m.times() - 1).sum();
    }

    /** Distinct pairs that have met at least once. */
    public int distinctPairs() {
        return meetings.size();
    }

    static List<PairKey> pairsOf(List<Long> members) {
        return switch (members.size()) {
            case 2 -> List.of(PairKey.of(members.get(0), members.get(1)));
            case 3 -> List.of(PairKey.of(members.get(0), members.get(1)), PairKey.of(members.get(0), members.get(2)),
                    PairKey.of(members.get(1), members.get(2)));
            default -> throw new IllegalArgumentException("a group has two or three members");
        };
    }
}
