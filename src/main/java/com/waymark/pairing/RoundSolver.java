package com.waymark.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One round, given the costs: the cheapest pairing of everyone, exactly (minimum-cost maximum matching).
 * When the number is odd, a dummy vertex picks who is left over for the trio (see {@link #match}); they
 * join the pair where that costs least, and local moves in and out of the trio polish the result. That
 * need not be the cheapest pairing with a trio, so while it costs more than the matching's lower bound
 * (beyond the noise), other people are tried as the one left over, a bounded number of them.
 *
 * <p>When the rules leave someone without any possible pair, they join a trio if one is allowed (so a
 * constrained round may have more than one trio), and only otherwise are reported unmatched.
 */
final class RoundSolver {

    /** Caps the extra matchings tried for an odd round, weighed by m³ (their cost): everyone up to ~31 people. */
    private static final long LEFTOVER_WORK = 1_000_000L;

    private RoundSolver() {
    }

    /** @param thorough for an odd round, try others left over too (playouts skip this: it barely moves them) */
    static Draft solve(Cohort cohort, long[][] cost, boolean thorough) {
        int n = cohort.size();
        Map<Integer, Unmatched.Reason> unmatched = new TreeMap<>();
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (n == 1) {
                unmatched.put(i, Unmatched.Reason.ALONE);
            } else if (cohort.allowedPartners[i] == 0) {
                unmatched.put(i, Unmatched.Reason.NO_ALLOWED_PARTNER);
            } else {
                pool.add(i);
            }
        }
        Attempt best = attempt(cohort, cost, pool, -1);
        if (thorough && pool.size() % 2 == 1) {
            best = tryOthersLeftOver(cohort, cost, pool, best);
        }
        unmatched.putAll(best.unmatched);
        return new Draft(best.groups, unmatched);
    }

    /** Forces others to be the one left over, cheapest to leave over first, until one reaches the bound. */
    private static Attempt tryOthersLeftOver(Cohort cohort, long[][] cost, List<Integer> pool, Attempt first) {
        long unit = CostModel.Tiers.forCohort(cohort.size()).prefer();
        long m = pool.size();
        long tries = Math.max(2, LEFTOVER_WORK / (m * m * m));
        long[] proxies = leftOverCosts(cost, cohort, pool);
        List<Integer> order = new ArrayList<>();
        for (int a = 0; a < m; a++) {
            order.add(a);
        }
        order.sort((a, b) -> Long.compare(proxies[a], proxies[b]));
        Attempt best = first;
        for (int a : order) {
            if (tries-- == 0 || best.unmatched.isEmpty() && best.cost / unit <= first.bound / unit) {
                break; // as cheap as the lower bound, up to the noise
            }
            if (pool.get(a) != first.leftOver) {
                Attempt forced = attempt(cohort, cost, pool, a);
                if (forced.isBetterThan(best)) {
                    best = forced;
                }
            }
        }
        return best;
    }

    /** One way to place the pool, its cost, and the matching's lower bound on any pairing with a trio. */
    private record Attempt(List<int[]> groups, Map<Integer, Unmatched.Reason> unmatched, long cost, long bound,
            int leftOver) {

        boolean isBetterThan(Attempt other) {
            return unmatched.size() != other.unmatched.size() ? unmatched.size() < other.unmatched.size()
                    : cost < other.cost;
        }
    }

    /** Places the pool around a matching; {@code forced} (a pool position) is the one left over, or -1 for any. */
    private static Attempt attempt(Cohort cohort, long[][] cost, List<Integer> pool, int forced) {
        List<int[]> groups = new ArrayList<>();
        List<Integer> leftOver = new ArrayList<>();
        long bound = match(cohort, cost, pool, forced, groups, leftOver);
        Map<Integer, Unmatched.Reason> unmatched = new TreeMap<>();
        for (int person : leftOver) {
            if (!attach(cohort, cost, groups, person) && !displaceInto(cohort, cost, groups, person)) {
                unmatched.put(person, Unmatched.Reason.NO_ALLOWED_GROUP);
            }
        }
        improveTrios(cohort, cost, groups);
        long total = 0;
        for (int[] group : groups) {
            total += groupCost(cost, group);
        }
        return new Attempt(groups, unmatched, total, bound, leftOver.isEmpty() ? -1 : leftOver.get(0));
    }

    /**
     * Pairs the pool by minimum-cost maximum matching and returns the matching's cost. An odd pool gets a
     * dummy vertex whose partner is the one left over for the trio; "meeting" it costs what joining a pair
     * would at the very least (the person's two cheapest allowed edges), so the matching weighs who is cheap
     * to leave over, and its cost is a lower bound on any pairing with one trio.
     */
    private static long match(Cohort cohort, long[][] cost, List<Integer> pool, int forced, List<int[]> groups,
            List<Integer> leftOver) {
        int m = pool.size();
        int size = m % 2 == 0 ? m : m + 1;
        long[][] c = new long[size][size];
        boolean[][] allowed = new boolean[size][size];
        long[] proxies = size > m ? leftOverCosts(cost, cohort, pool) : null;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                int i = pool.get(a);
                int j = pool.get(b);
                allowed[a][b] = cohort.allowed[i][j];
                c[a][b] = cost[i][j];
            }
            if (size > m && (forced < 0 || forced == a)) {
                allowed[a][m] = allowed[m][a] = true;
                c[a][m] = c[m][a] = proxies[a];
            }
        }
        int[] mate = MinCostMatching.solve(c, allowed);
        long total = 0;
        for (int a = 0; a < m; a++) {
            if (mate[a] == m) {
                leftOver.add(0, pool.get(a)); // the odd one out goes first
                total += c[a][m];
            } else if (mate[a] == -1) {
                leftOver.add(pool.get(a));
            } else if (a < mate[a]) {
                groups.add(new int[] {pool.get(a), pool.get(mate[a])});
                total += c[a][mate[a]];
            }
        }
        return total;
    }

    /** For each pool position: the sum of its two cheapest allowed edges, the least that joining a pair costs. */
    private static long[] leftOverCosts(long[][] cost, Cohort cohort, List<Integer> pool) {
        long[] proxies = new long[pool.size()];
        for (int a = 0; a < pool.size(); a++) {
            long first = Long.MAX_VALUE;
            long second = Long.MAX_VALUE;
            for (int b = 0; b < pool.size(); b++) {
                int i = pool.get(a);
                int j = pool.get(b);
                if (cohort.allowed[i][j]) {
                    if (cost[i][j] < first) {
                        second = first;
                        first = cost[i][j];
                    } else if (cost[i][j] < second) {
                        second = cost[i][j];
                    }
                }
            }
            proxies[a] = second == Long.MAX_VALUE ? 0 : first + second;
        }
        return proxies;
    }

    /** Joins a pair as its third member where that adds the least cost; false if no pair may take them. */
    private static boolean attach(Cohort cohort, long[][] cost, List<int[]> groups, int person) {
        int best = -1;
        long bestCost = Long.MAX_VALUE;
        for (int g = 0; g < groups.size(); g++) {
            int[] pair = groups.get(g);
            if (pair.length == 2 && cohort.allowed[person][pair[0]] && cohort.allowed[person][pair[1]]) {
                long added = cost[person][pair[0]] + cost[person][pair[1]];
                if (added < bestCost) {
                    bestCost = added;
                    best = g;
                }
            }
        }
        if (best < 0) {
            return false;
        }
        int[] pair = groups.get(best);
        groups.set(best, new int[] {pair[0], pair[1], person});
        return true;
    }

    /**
     * Last resort for someone no pair can take: partner them with one member of a pair and move the other
     * member into a different pair as its third. Cheapest such move wins; false if there is none.
     */
    private static boolean displaceInto(Cohort cohort, long[][] cost, List<int[]> groups, int person) {
        long bestCost = Long.MAX_VALUE;
        int[] best = null;
        for (int g = 0; g < groups.size(); g++) {
            int[] pair = groups.get(g);
            if (pair.length != 2) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                int stays = pair[side];
                int moves = pair[1 - side];
                if (!cohort.allowed[person][stays]) {
                    continue;
                }
                for (int h = 0; h < groups.size(); h++) {
                    int[] host = groups.get(h);
                    if (h == g || host.length != 2 || !cohort.allowed[moves][host[0]] || !cohort.allowed[moves][host[1]]) {
                        continue;
                    }
                    long total = cost[person][stays] + cost[moves][host[0]] + cost[moves][host[1]];
                    if (total < bestCost) {
                        bestCost = total;
                        best = new int[] {g, h, stays, moves};
                    }
                }
            }
        }
        if (best == null) {
            return false;
        }
        int[] host = groups.get(best[1]);
        groups.set(best[0], new int[] {person, best[2]});
        groups.set(best[1], new int[] {host[0], host[1], best[3]});
        return true;
    }

    /**
     * Local search around each trio: hand one trio member to a pair (which becomes the trio), or swap a trio
     * member with a pair member, whenever that lowers the total. Every step lowers it, so this ends.
     */
    private static void improveTrios(Cohort cohort, long[][] cost, List<int[]> groups) {
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int t = 0; t < groups.size() && !improved; t++) {
                int[] trio = groups.get(t);
                if (trio.length != 3) {
                    continue;
                }
                long trioCost = groupCost(cost, trio);
                for (int p = 0; p < groups.size() && !improved; p++) {
                    int[] pair = groups.get(p);
                    if (pair.length != 2) {
                        continue;
                    }
                    long before = trioCost + groupCost(cost, pair);
                    for (int k = 0; k < 3 && !improved; k++) {
                        int out = trio[k];
                        int[] rest = {trio[(k + 1) % 3], trio[(k + 2) % 3]};
                        int[][][] options = {
                                {{pair[0], pair[1], out}, rest},
                                {{rest[0], rest[1], pair[0]}, {out, pair[1]}},
                                {{rest[0], rest[1], pair[1]}, {out, pair[0]}}};
                        for (int[][] option : options) {
                            if (allowed(cohort, option[0]) && allowed(cohort, option[1])
                                    && groupCost(cost, option[0]) + groupCost(cost, option[1]) < before) {
                                groups.set(t, option[0]);
                                groups.set(p, option[1]);
                                improved = true;
                                break;
                            }
                        }
                    }
                }
            }
        }
    }

    static long groupCost(long[][] cost, int[] group) {
        long total = 0;
        for (int a = 0; a < group.length; a++) {
            for (int b = a + 1; b < group.length; b++) {
                total += cost[group[a]][group[b]];
            }
        }
        return total;
    }

    private static boolean allowed(Cohort cohort, int[] group) {
        for (int a = 0; a < group.length; a++) {
            for (int b = a + 1; b < group.length; b++) {
                if (!cohort.allowed[group[a]][group[b]]) {
                    return false;
                }
            }
        }
        return true;
    }
}
