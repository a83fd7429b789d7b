package com.waymark.pairing;

import java.util.List;
import java.util.Map;

/** A round in the making, by cohort index: groups of two or three, and who is left out and why. */
record Draft(List<int[]> groups, Map<Integer, Unmatched.Reason> unmatched) {

    /** Groups that fit the mode but miss its softer wish (cross-role: one organisation). */
    int softMisses(Cohort cohort, PairingMode mode) {
        int misses = 0;
        for (int[] group : groups) {
            if (cohort.groupMatches(group, mode) && !cohort.groupPreferred(group, mode)) {
                misses++;
            }
        }
        return misses;
    }

    int misses(Cohort cohort, PairingMode mode) {
        int misses = 0;
        for (int[] group : groups) {
            if (!cohort.groupMatches(group, mode)) {
                misses++;
            }
        }
        return misses;
    }
}
