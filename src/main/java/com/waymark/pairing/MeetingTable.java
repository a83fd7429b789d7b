package com.waymark.pairing;

/** The history restricted to one cohort, as matrices by cohort index: cheap to copy when planning ahead. */
final class MeetingTable {

    private final int[][] times;
    private final int[][] lastRound;

    private MeetingTable(int[][] times, int[][] lastRound) {
        this.times = times;
        this.lastRound = lastRound;
    }

    static MeetingTable of(Cohort cohort, PairingHistory history) {
        int n = cohort.size();
        int[][] times = new int[n][n];
        int[][] last = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                long a = cohort.people[i].id();
                long b = cohort.people[j].id();
                times[i][j] = times[j][i] = history.timesMet(a, b);
                last[i][j] = last[j][i] = history.lastMet(a, b);
            }
        }
        return new MeetingTable(times, last);
    }

    MeetingTable copy() {
        int n = times.length;
        int[][] t = new int[n][];
        int[][] l = new int[n][];
        for (int i = 0; i < n; i++) {
            t[i] = times[i].clone();
            l[i] = lastRound[i].clone();
        }
        return new MeetingTable(t, l);
    }

    int times(int i, int j) {
        return times[i][j];
    }

    /** Round of the latest meeting, or {@link PairingHistory.Meeting#UNKNOWN_ROUND}. */
    int lastRound(int i, int j) {
        return lastRound[i][j];
    }

    int metPairsIn(int[] group) {
        int met = 0;
        for (int a = 0; a < group.length; a++) {
            for (int b = a + 1; b < group.length; b++) {
                if (times[group[a]][group[b]] > 0) {
                    met++;
                }
            }
        }
        return met;
    }

    int metPairsIn(Draft draft) {
        int met = 0;
        for (int[] group : draft.groups()) {
            met += metPairsIn(group);
        }
        return met;
    }

    void record(Draft draft, int roundIndex) {
        for (int[] group : draft.groups()) {
            for (int a = 0; a < group.length; a++) {
                for (int b = a + 1; b < group.length; b++) {
                    int i = group[a];
                    int j = group[b];
                    times[i][j]++;
                    times[j][i]++;
                    lastRound[i][j] = lastRound[j][i] = roundIndex;
                }
            }
        }
    }

    /**
     * The fewest unmet allowed partners anyone has; given a mode, counting only partners who also fit it
     * and its softer wish (the ideal partners for a round in that mode).
     */
    int fewestUnmetPartners(Cohort cohort, PairingMode idealFor) {
        int n = times.length;
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int unmet = 0;
            for (int j = 0; j < n; j++) {
                if (cohort.allowed[i][j] && times[i][j] == 0 && (idealFor == null
                        || idealFor.matches(cohort.people[i], cohort.people[j])
                        && idealFor.prefers(cohort.people[i], cohort.people[j]))) {
                    unmet++;
                }
            }
            fewest = Math.min(fewest, unmet);
        }
        return fewest;
    }

    int unmetAllowedPairs(Cohort cohort) {
        int n = times.length;
        int unmet = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (cohort.allowed[i][j] && times[i][j] == 0) {
                    unmet++;
                }
            }
        }
        return unmet;
    }
}
