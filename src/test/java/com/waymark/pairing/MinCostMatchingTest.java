package com.waymark.pairing;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinCostMatchingTest {

    @Test
    void agreesWithExhaustiveSearchOnSmallRandomGraphs() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + random.nextInt(13);
            double density = random.nextDouble();
            long range = random.nextBoolean() ? 4 : 1_000_000_000L;
            long[][] cost = new long[n][n];
            boolean[][] allowed = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (random.nextDouble() < density) {
                        allowed[i][j] = allowed[j][i] = true;
                        cost[i][j] = cost[j][i] = random.nextLong(range);
                    }
                }
            }
            int[] mate = MinCostMatching.solve(cost, allowed);
            long[] best = exhaustive(cost, allowed, (1 << n) - 1, new HashMap<>());
            int size = 0;
            long total = 0;
            for (int i = 0; i < n; i++) {
                if (mate[i] >= 0) {
                    assertThat(mate[mate[i]]).isEqualTo(i);
                    assertThat(allowed[i][mate[i]]).isTrue();
                    if (i < mate[i]) {
                        size++;
                        total += cost[i][mate[i]];
                    }
                }
            }
            assertThat(new long[] {size, total}).as("trial %d, n=%d", trial, n).containsExactly(best[0], best[1]);
        }
    }

    @Test
    void findsPerfectMatchingsInLargeDenseGraphs() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 120;
        long[][] cost = new long[n][n];
        boolean[][] allowed = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                allowed[i][j] = allowed[j][i] = random.nextInt(10) > 0;
                cost[i][j] = cost[j][i] = random.nextLong(1L << 40);
            }
        }
        int[] mate = MinCostMatching.solve(cost, allowed);
        for (int i = 0; i < n; i++) {
            assertThat(mate[i]).isNotNegative();
        }
    }

    /** {max cardinality, min cost} over the vertices in mask, by branching on the lowest one. */
    private static long[] exhaustive(long[][] cost, boolean[][] allowed, int mask, Map<Integer, long[]> memo) {
        if (mask == 0) {
            return new long[] {0, 0};
        }
        long[] known = memo.get(mask);
        if (known != null) {
            return known;
        }
        int i = Integer.numberOfTrailingZeros(mask);
        int rest = mask & ~(1 << i);
        long[] best = exhaustive(cost, allowed, rest, memo);
        for (int j = i + 1; j < cost.length; j++) {
            if ((rest & (1 << j)) != 0 && allowed[i][j]) {
                long[] sub = exhaustive(cost, allowed, rest & ~(1 << j), memo);
                long size = sub[0] + 1;
                long total = sub[1] + cost[i][j];
                if (size > best[0] || (size == best[0] && total < best[1])) {
                    best = new long[] {size, total};
                }
            }
        }
        memo.put(mask, best);
        return best;
    }
}
