package com.waymark.pairing;

import java.util.List;

/**
 * The fewest repeats any schedule could have: the "theoretical minimum" the engine is measured against.
 *
 * <p>Two counting arguments, both valid for every schedule that places everyone each round (pairs, plus
 * one trio when the number is odd) and never breaks a rule; the floor is the larger:
 * <ul>
 * <li><b>Pairs.</b> A round of n people creates n/2 pairs when n is even and (n - 3)/2 + 3 when odd (a trio
 * is three pairs), so R rounds create P of them. Only D distinct allowed pairs exist (n(n-1)/2 less those
 * the rules block), and every meeting of a pair after its first is a repeat, so at least P - D repeats.</li>
 * <li><b>People.</b> Someone with only a allowed partners meets someone in each of R rounds, so at least
 * R - a of their meetings are with someone they have met: that many repeats for the largest such
 * shortfall, and, as each repeat involves two people, at least half the sum of all shortfalls, rounded up.</li>
 * </ul>
 * People the rules leave with no partner at all are never placed, so they are left out of both counts.
 * With no rules and R no more than n - 1 (n even), the floor is 0, and it is reachable: the classic
 * round-robin ("circle method") schedule has no repeats. For odd n the floor is a true lower bound but may
 * not always be reachable (five people over two rounds need a triangle of fresh pairs that need not exist).
 */
public final class RepeatFloor {

    private RepeatFloor() {
    }

    public static long minimumRepeats(List<Candidate> people, PairingRules rules, int rounds) {
        Cohort cohort = Cohort.of(people, rules);
        int placeable = 0;
        long allowedPairs = 0;
        long shortfalls = 0;
        long largestShortfall = 0;
        for (int i = 0; i < cohort.size(); i++) {
            int partners = cohort.allowedPartners[i];
            if (partners > 0) {
                placeable++;
                allowedPairs += partners;
                long shortfall = Math.max(0, rounds - partners);
                shortfalls += shortfall;
                largestShortfall = Math.max(largestShortfall, shortfall);
            }
        }
        allowedPairs /= 2;
        long byPairs = (long) rounds * Cohort.pairsPerRound(placeable) - allowedPairs;
        long byPeople = Math.max(largestShortfall, (shortfalls + 1) / 2);
        return Math.max(0, Math.max(byPairs, byPeople));
    }
}
