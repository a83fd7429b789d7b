package com.waymark.pairing;

import java.util.HashSet;
import java.util.Set;

/**
 * What a coach has said must never happen: a person meeting their line manager or direct report (recorded
 * as an unordered pair; who manages whom does not matter here), and specific pairs the coach has forbidden.
 * These are hard rules: the engine would rather report someone unmatched than break one.
 */
public record PairingRules(Set<PairKey> lineManagement, Set<PairKey> forbidden) {

    public PairingRules {
        lineManagement = Set.copyOf(lineManagement);
        forbidden = Set.copyOf(forbidden);
    }

    public static PairingRules none() {
        return new PairingRules(Set.of(), Set.of());
    }

    public PairingRules withLineManagement(long managerId, long reportId) {
        Set<PairKey> updated = new HashSet<>(lineManagement);
        updated.add(PairKey.of(managerId, reportId));
        return new PairingRules(updated, forbidden);
    }

    public PairingRules withForbidden(long a, long b) {
        Set<PairKey> updated = new HashSet<>(forbidden);
        updated.add(PairKey.of(a, b));
        return new PairingRules(lineManagement, updated);
    }

    public boolean allows(long a, long b) {
        if (a == b) {
            return false;
        }
        PairKey pair = PairKey.of(a, b);
        return !lineManagement.contains(pair) && !forbidden.contains(pair);
    }
}
