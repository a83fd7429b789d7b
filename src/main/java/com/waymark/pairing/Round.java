package com.waymark.pairing;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one round: groups of two (one group of three when the number is odd), and anyone who
 * could not be placed with the reason. Everyone in the request appears exactly once, in a group or unmatched.
 *
 * @param roundIndex 0-based round this is
 * @param mode       the mode that applied (PROGRESSION resolved to its stage)
 */
public record Round(int roundIndex, PairingMode mode, List<Group> groups, List<Unmatched> unmatched) {

    public Round {
        groups = List.copyOf(groups);
        unmatched = List.copyOf(unmatched);
    }

    public Optional<Group> groupOf(long id) {
        return groups.stream().filter(g -> g.contains(id)).findFirst();
    }

    /** Pairs meeting this round who had met before (a trio counts each of its three pairs). */
    public int repeatPairs() {
        return groups.stream().mapToInt(Group::repeatPairs).sum();
    }

    public int groupsMatchingMode() {
        return (int) groups.stream().filter(Group::matchesMode).count();
    }
}
