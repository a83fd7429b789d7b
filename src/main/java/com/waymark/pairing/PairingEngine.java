package com.waymark.pairing;

/**
 * Pairs one round of peer coaching: everyone active is placed in a pair, or in the one trio of an odd round,
 * or reported unmatched with the reason; the coach's rules are never broken. Pure and deterministic: the
 * same request, rules, history and seed give the same round, whatever order the participants come in.
 *
 * <p>How: each round is a minimum-cost matching on the graph of allowed pairs (see {@link CostModel} for the
 * cost tiers: repeats first, then the round's mode, then ties broken by the seed), solved exactly. Pairing
 * each round greedily can paint a later round into a corner, though (the last rounds of a full round-robin
 * are the classic case: what is left may hold no repeat-free pairing at all), so when fresh pairs, or fresh
 * pairs that fit the mode, run short, the engine looks ahead: it tries several options for this round
 * (other tie-breaks, and some that ignore the mode), plays each forward with the same rule later rounds
 * will start from, and keeps the one whose future has the fewest repeats, then the best mode fit. Since the
 * chosen playout is exactly what the next round tries first, a plan once found is never lost (within the
 * horizon the work budget allows; the whole programme for cohorts up to about 30).
 */
public final class PairingEngine {

    /** Options always compared when looking ahead (for the mode fit of later rounds). */
    private static final int MIN_OPTIONS = 6;
    /** Options tried while the plan still has avoidable repeats. */
    private static final int MAX_OPTIONS = 32;
    /**
     * Bounds the rounds played forward and the options tried, so a large cohort on a long programme stays
     * quick: the matchings of all playouts, each weighed by n³ (its cost), stay near this. A cohort of 30
     * plays 28 rounds ahead with up to 31 options, 50 six rounds with 28, 100 one round with 12, 200 one
     * round with 2. Counted in work, not time, so results stay deterministic.
     */
    private static final long PLAYOUT_WORK = 50_000_000L;

    public Round pair(PairingRequest request, PairingRules rules, PairingHistory history) {
        Cohort cohort = Cohort.of(request.participants(), rules);
        MeetingTable meetings = MeetingTable.of(cohort, history);
        PairingMode mode = request.roundMode();
        Draft draft = needsLookahead(cohort, meetings, request)
                ? bestLookingAhead(cohort, meetings, request)
                : solve(cohort, meetings, request, request.roundIndex(), 0, false);
        return cohort.toRound(request.roundIndex(), mode, draft, meetings);
    }

    private static Draft solve(Cohort cohort, MeetingTable meetings, PairingRequest request, int roundIndex,
            int variant, boolean modeBlind) {
        return solve(cohort, meetings, request, roundIndex, variant, modeBlind, true);
    }

    private static Draft solve(Cohort cohort, MeetingTable meetings, PairingRequest request, int roundIndex,
            int variant, boolean modeBlind, boolean thorough) {
        PairingMode mode = request.mode().forRound(roundIndex, request.totalRounds());
        long[][] cost = CostModel.costs(cohort, meetings, mode, roundIndex, request.seed(), variant, modeBlind);
        return RoundSolver.solve(cohort, cost, thorough);
    }

    /**
     * Looking ahead is only needed when greedy rounds might paint themselves into a corner. It provably
     * cannot happen to repeats when, even after every remaining round, everyone would still have unmet
     * allowed partners numbering at least half the cohort (for an odd cohort (n + 3) / 2, leaving room for
     * the trio): by Dirac's theorem such a graph has a Hamiltonian cycle, hence a repeat-free round, and
     * the exact matching finds it. The same test on ideal partners (unmet, fitting the mode and its softer
     * wish) over the rest of the mode's stage tells whether the mode fit could suffer.
     */
    private static boolean needsLookahead(Cohort cohort, MeetingTable meetings, PairingRequest request) {
        int n = cohort.size();
        int later = request.totalRounds() - request.roundIndex() - 1;
        if (later == 0 || n < 4) {
            return false;
        }
        PairingMode mode = request.roundMode();
        int laterInStage = 0;
        for (int r = request.roundIndex() + 1; r < request.totalRounds()
                && request.mode().forRound(r, request.totalRounds()) == mode; r++) {
            laterInStage++;
        }
        int perRound = n % 2 == 0 ? 1 : 2;
        int enough = n % 2 == 0 ? n / 2 : (n + 3) / 2;
        if (meetings.fewestUnmetPartners(cohort, null) - perRound * later < enough) {
            return true;
        }
        // For the mode, planning only pays when the playout can see to the end of the stage.
        return horizon(n, later) >= laterInStage
                && meetings.fewestUnmetPartners(cohort, mode) - perRound * laterInStage < enough;
    }

    /** Rounds a playout may cover for a cohort of n, within {@link #PLAYOUT_WORK}. */
    private static int horizon(long n, int later) {
        return (int) Math.min(later, Math.max(1, PLAYOUT_WORK / (n * n * n * 2 * MAX_OPTIONS)));
    }

    private static Draft bestLookingAhead(Cohort cohort, MeetingTable meetings, PairingRequest request) {
        long n = cohort.size();
        int horizon = horizon(n, request.totalRounds() - request.roundIndex() - 1);
        int end = request.roundIndex() + 1 + horizon;
        int options = (int) Math.max(2, Math.min(MAX_OPTIONS, PLAYOUT_WORK / (n * n * n * 2 * (horizon + 1))));
        int minOptions = Math.min(MIN_OPTIONS, options);
        int unmetPairs = meetings.unmetAllowedPairs(cohort);
        // Repeats no plan can avoid: more pairs to meet than unmet pairs left.
        int floor = Math.max(0, (end - request.roundIndex()) * Cohort.pairsPerRound(cohort.size()) - unmetPairs);
        Draft best = null;
        Outlook bestOutlook = null;
        for (int option = 0; option < options; option++) {
            if (option >= minOptions && bestOutlook.repeats() <= floor) {
                break;
            }
            // Odd options ignore the mode this round, in case honouring it now forces repeats later.
            Draft draft = solve(cohort, meetings, request, request.roundIndex(), option, option % 2 == 1);
            Outlook outlook = playOut(cohort, meetings, request, draft, end, false);
            if (outlook.repeats() > floor) {
                // Later rounds that put the mode first may strand pairs (a team's own colleagues, say) until
                // the end; a playout that ignores the mode shows whether this option can still finish fresh.
                Outlook blind = playOut(cohort, meetings, request, draft, end, true);
                if (blind.isBetterThan(outlook)) {
                    outlook = blind;
                }
            }
            if (bestOutlook == null || outlook.isBetterThan(bestOutlook)) {
                best = draft;
                bestOutlook = outlook;
            }
        }
        return best;
    }

    /**
     * Plays rounds up to {@code end} forward from this option the way those rounds will start: option 0,
     * or option 1 when the playout ignores the mode, so the next round finds this very continuation again
     * (for an odd cohort, up to a trio the real round may still improve on: playouts skip that search).
     */
    private static Outlook playOut(Cohort cohort, MeetingTable meetings, PairingRequest request, Draft draft,
            int end, boolean modeBlind) {
        int nowRepeats = meetings.metPairsIn(draft);
        int nowMisses = draft.misses(cohort, request.roundMode());
        int softMisses = draft.softMisses(cohort, request.roundMode());
        MeetingTable future = meetings.copy();
        future.record(draft, request.roundIndex());
        int repeats = nowRepeats;
        int laterMisses = 0;
        for (int r = request.roundIndex() + 1; r < end; r++) {
            Draft next = solve(cohort, future, request, r, modeBlind ? 1 : 0, modeBlind, false);
            repeats += future.metPairsIn(next);
            PairingMode mode = request.mode().forRound(r, request.totalRounds());
            laterMisses += next.misses(cohort, mode);
            softMisses += next.softMisses(cohort, mode);
            future.record(next, r);
        }
        return new Outlook(nowRepeats, repeats, nowMisses, laterMisses, softMisses);
    }

    /** How an option plays out: repeats now and in total, mode misses now and later, softer wishes missed. */
    private record Outlook(int nowRepeats, int repeats, int nowMisses, int laterMisses, int softMisses) {

        /** Fewest repeats now (the round itself must be as fresh as it can be), then overall, then fit. */
        boolean isBetterThan(Outlook other) {
            if (nowRepeats != other.nowRepeats) {
                return nowRepeats < other.nowRepeats;
            }
            if (repeats != other.repeats) {
                return repeats < other.repeats;
            }
            if (nowMisses != other.nowMisses) {
                return nowMisses < other.nowMisses;
            }
            if (laterMisses != other.laterMisses) {
                return laterMisses < other.laterMisses;
            }
            return softMisses < other.softMisses;
        }
    }
}
