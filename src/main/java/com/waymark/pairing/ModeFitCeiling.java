package com.waymark.pairing;

import java.util.List;

/**
 * The most groups that could fit their round's mode in any repeat-free schedule: the ceiling the mode-match
 * figure is read against (with repeats allowed, the same well-fitting pairs could simply meet again).
 *
 * <p>Per stage of k rounds in one mode: a round cannot have more fitting groups than a largest matching
 * among allowed pairs who fit the mode (each fitting group holds such a pair, and groups are disjoint), and
 * the whole stage cannot have more than there are such pairs (a repeat-free schedule uses each pair once).
 * So each stage adds {@code min(k * largest matching, fitting pairs)}; stages are summed, which is still a
 * valid ceiling though pairs fitting two stages' modes are counted in both.
 */
public final class ModeFitCeiling {

    private ModeFitCeiling() {
    }

    public static long maximumFittingGroups(List<Candidate> people, PairingRules rules, PairingMode mode, int rounds) {
        Cohort cohort = Cohort.of(people, rules);
        long ceiling = 0;
        int start = 0;
        while (start < rounds) {
            PairingMode stage = mode.forRound(start, rounds);
            int end = start;
            while (end < rounds && mode.forRound(end, rounds) == stage) {
                end++;
            }
            ceiling += Math.min((long) (end - start) * largestFittingMatching(cohort, stage), fittingPairs(cohort, stage));
            start = end;
        }
        return ceiling;
    }

    private static int largestFittingMatching(Cohort cohort, PairingMode stage) {
        int n = cohort.size();
        boolean[][] fits = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                fits[i][j] = i != j && cohort.allowed[i][j] && stage.matches(cohort.people[i], cohort.people[j]);
            }
        }
        int[] mate = MinCostMatching.solve(new long[n][n], fits);
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            if (mate[i] > i) {
                pairs++;
            }
        }
        return pairs;
    }

    private static long fittingPairs(Cohort cohort, PairingMode stage) {
        long pairs = 0;
        for (int i = 0; i < cohort.size(); i++) {
            for (int j = i + 1; j < cohort.size(); j++) {
                if (cohort.allowed[i][j] && stage.matches(cohort.people[i], cohort.people[j])) {
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
