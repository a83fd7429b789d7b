package com.waymark.pairing;

import java.util.List;

/**
 * Two people, or three when the round has an odd number, who meet this round.
 *
 * @param memberIds   ids in ascending order
 * @param matchesMode whether every pair in the group fits the round's mode
 * @param repeatPairs how many of the group's pairs had already met before this round
 */
public record Group(List<Long> memberIds, boolean matchesMode, int repeatPairs) {

    public Group {
        memberIds = memberIds.stream().sorted().toList();
        if (memberIds.size() < 2 || memberIds.size() > 3 || memberIds.stream().distinct().count() != memberIds.size()) {
            throw new IllegalArgumentException("a group has two or three different members: " + memberIds);
        }
    }

    public boolean isTrio() {
        return memberIds.size() == 3;
    }

    /** The pairs who meet in this group: one for a pair, three for a trio. */
    public List<PairKey> pairs() {
        return PairingHistory.pairsOf(memberIds);
    }

    public boolean contains(long id) {
        return memberIds.contains(id);
    }
}
