package com.waymark.pairing;

/**
 * What it costs for two people to meet this round, as one {@code long} whose tiers never mix: any number of
 * lower-tier costs over a whole round stays below one unit of the tier above. From the top:
 * <ol>
 * <li>a repeat (the pair met before): the engine's first aim is the fewest repeats;</li>
 * <li>among repeats, spreading: pairs who met more often, or more recently, cost more;</li>
 * <li>a pair that does not fit the round's mode;</li>
 * <li>a pair that misses the mode's softer wish (cross-role: same organisation);</li>
 * <li>seeded noise, which only breaks ties, so a seed reproduces a round and another seed varies it.</li>
 * </ol>
 * Each tier is {@code bits(n) + 1} bits above the one below, since a round has fewer than {@code n} pairs
 * (the repeat tier four more, above up to 15 spreading steps per pair).
 */
final class CostModel {

    private static final int NOISE_BITS = 6;
    private static final int SPREAD_STEPS = 16;

    private CostModel() {
    }

    /** The unit cost of each tier for a cohort of n. */
    record Tiers(long prefer, long modeMiss, long spread, long repeat) {

        static Tiers forCohort(int n) {
            int tier = 64 - Long.numberOfLeadingZeros(Math.max(n, 2)) + 1;
            long prefer = 1L << (NOISE_BITS + tier);
            long modeMiss = prefer << tier;
            long spread = modeMiss << tier;
            return new Tiers(prefer, modeMiss, spread, spread << (tier + 4)); // 2^4 = SPREAD_STEPS
        }
    }

    /**
     * @param variant   0 for the round itself; other values reshuffle the ties for planning ahead
     * @param modeBlind drop the mode tiers, for plans that trade this round's mode for fewer repeats later
     */
    static long[][] costs(Cohort cohort, MeetingTable meetings, PairingMode mode, int roundIndex, long seed,
            int variant, boolean modeBlind) {
        int n = cohort.size();
        Tiers tiers = Tiers.forCohort(n);
        long roundKey = mix(mix(mix(seed) ^ roundIndex) ^ variant);
        long[][] cost = new long[n][n];
        for (int i = 0; i < n; i++) {
            long rowKey = mix(roundKey ^ cohort.people[i].id());
            for (int j = i + 1; j < n; j++) {
                if (!cohort.allowed[i][j]) {
                    continue;
                }
                Candidate a = cohort.people[i];
                Candidate b = cohort.people[j];
                long c = mix(rowKey ^ b.id()) >>> (64 - NOISE_BITS);
                if (!modeBlind) {
                    if (!mode.matches(a, b)) {
                        c += tiers.modeMiss();
                    } else if (!mode.prefers(a, b)) {
                        c += tiers.prefer();
                    }
                }
                int times = meetings.times(i, j);
                if (times > 0) {
                    c += tiers.repeat() + tiers.spread() * spreadSteps(times, meetings.lastRound(i, j), roundIndex);
                }
                cost[i][j] = cost[j][i] = c;
            }
        }
        return cost;
    }

    /** 0..15: three steps per earlier meeting beyond the first, plus up to three for how recent the last was. */
    private static int spreadSteps(int times, int lastRound, int roundIndex) {
        int recency;
        if (lastRound == PairingHistory.Meeting.UNKNOWN_ROUND || lastRound >= roundIndex) {
            recency = 1;
        } else {
            int gap = roundIndex - lastRound;
            recency = gap == 1 ? 3 : gap == 2 ? 2 : gap <= 4 ? 1 : 0;
        }
        return Math.min(SPREAD_STEPS - 1, 3 * (times - 1) + recency);
    }

    /** SplitMix64's finaliser: a cheap, well-spread hash, the same on every JVM. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
