package com.waymark.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.waymark.pairing.Candidate;
import com.waymark.pairing.Group;
import com.waymark.pairing.ModeFitCeiling;
import com.waymark.pairing.PairingEngine;
import com.waymark.pairing.PairingHistory;
import com.waymark.pairing.PairingMode;
import com.waymark.pairing.PairingRequest;
import com.waymark.pairing.PairingRules;
import com.waymark.pairing.RepeatFloor;
import com.waymark.pairing.Round;

/**
 * Peer-coaching pairing quality on a synthetic cohort: runs every round of a programme through the engine,
 * feeding each round into the history, and reports repeats against the floor no schedule can beat, the
 * share of groups that fit their round's mode (with the ceiling a repeat-free schedule could reach), and
 * the average time to compute a round (a cold JVM, nothing warmed up first). Never starts Spring.
 */
public final class PairingEval implements Subcommand {

    static final List<String> ROLES = List.of("chair", "chief executive", "medical director", "director of nursing",
            "finance director", "chief operating officer", "PCN clinical director", "director of people",
            "director of strategy", "non-executive director", "chief digital officer", "director of public health");
    private static final List<String> PLACES = List.of("North Ridge", "Riverside", "Eastmoor", "Westvale", "Southgate",
            "Highfield", "Lakeside", "Kingsmead", "Ashby", "Thornbury", "Millbrook", "Stoneleigh", "Fairhaven",
            "Oakwood", "Brookfield", "Harrowgate");
    private static final List<String> KINDS = List.of("ICB", "Hospitals NHS FT", "Community Health NHS Trust",
            "Mental Health NHS FT", "PCN");

    @Override
    public String name() {
        return "pairing-eval";
    }

    @Override
    public String description() {
        return "peer pairing quality: --people 20 --orgs 4 --roles 5 --rounds 12 [--seed S] [--mode progression]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Options options = Options.parse(args);
        List<Candidate> people = cohort(options.people, options.orgs, options.roles, options.seed);
        PairingRules rules = PairingRules.none();
        PairingEngine engine = new PairingEngine();
        out.printf(Locale.ROOT, "pairing-eval: %d people, %d organisations, %d roles, %d rounds, mode %s, seed %d%n",
                options.people, options.orgs, options.roles, options.rounds, options.mode.label(), options.seed);
        PairingHistory history = PairingHistory.empty();
        long totalNanos = 0;
        int groups = 0;
        int matching = 0;
        for (int r = 0; r < options.rounds; r++) {
            PairingRequest request = new PairingRequest(people, options.mode, r, options.rounds, options.seed);
            long start = System.nanoTime();
            Round round = engine.pair(request, rules, history);
            long nanos = System.nanoTime() - start;
            totalNanos += nanos;
            history = history.withRound(round);
            groups += round.groups().size();
            matching += round.groupsMatchingMode();
            out.printf(Locale.ROOT, "round %2d/%d %-18s groups=%d trios=%d unmatched=%d repeats=%d mode-match=%d/%d ms=%.2f%n",
                    r + 1, options.rounds, round.mode().label(), round.groups().size(),
                    round.groups().stream().filter(Group::isTrio).count(), round.unmatched().size(),
                    round.repeatPairs(), round.groupsMatchingMode(), round.groups().size(), nanos / 1e6);
        }
        long minimum = RepeatFloor.minimumRepeats(people, rules, options.rounds);
        double modeMatch = groups == 0 ? 100.0 : 100.0 * matching / groups;
        long ceiling = ModeFitCeiling.maximumFittingGroups(people, rules, options.mode, options.rounds);
        out.printf(Locale.ROOT, "mode-match ceiling for any repeat-free schedule: %.1f (%d of %d groups)%n",
                groups == 0 ? 100.0 : 100.0 * Math.min(ceiling, groups) / groups, Math.min(ceiling, groups), groups);
        out.printf(Locale.ROOT, "pairing-eval: people=%d rounds=%d repeats=%d minimum=%d mode-match=%.1f ms-per-round=%.2f%n",
                options.people, options.rounds, history.repeats(), minimum, modeMatch,
                totalNanos / 1e6 / options.rounds);
        return 0;
    }

    /**
     * A seeded cohort: organisations and roles each dealt out as evenly as the numbers allow, then shuffled
     * independently, so every organisation has a mix of roles (as a real leadership programme would).
     */
    static List<Candidate> cohort(int people, int orgs, int roles, long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (String place : PLACES) {
            for (String kind : KINDS) {
                names.add(place + " " + kind);
            }
        }
        Collections.shuffle(names, random);
        List<String> organisationOf = new ArrayList<>();
        List<String> roleOf = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            organisationOf.add(names.get(i % orgs));
            roleOf.add(ROLES.get(i % roles));
        }
        Collections.shuffle(organisationOf, random);
        Collections.shuffle(roleOf, random);
        List<Candidate> cohort = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            cohort.add(new Candidate(1000 + i, roleOf.get(i), organisationOf.get(i)));
        }
        return cohort;
    }

    static int maxOrganisations() {
        return PLACES.size() * KINDS.size();
    }

    private record Options(int people, int orgs, int roles, int rounds, long seed, PairingMode mode) {

        static Options parse(List<String> args) {
            Map<String, String> values = new BenchOptions(args,
                    List.of("people", "orgs", "roles", "rounds", "seed", "mode")).values();
            int people = intOption(values, "people", 20, 1, PairingRequest.MAX_PARTICIPANTS);
            int orgs = intOption(values, "orgs", 4, 1, Math.min(people, maxOrganisations()));
            int roles = intOption(values, "roles", 5, 1, Math.min(people, ROLES.size()));
            int rounds = intOption(values, "rounds", 12, 1, 10_000);
            long seed = longOption(values, "seed", 1);
            PairingMode mode = values.containsKey("mode") ? PairingMode.parse(values.get("mode")) : PairingMode.PROGRESSION;
            return new Options(people, orgs, roles, rounds, seed, mode);
        }

        private static int intOption(Map<String, String> values, String key, int fallback, int min, int max) {
            long value = longOption(values, key, fallback);
            if (value < min || value > max) {
                throw new IllegalArgumentException("--" + key + " must be between " + min + " and " + max + ", not " + value);
            }
            return (int) value;
        }

        private static long longOption(Map<String, String> values, String key, long fallback) {
            String raw = values.get(key);
            if (raw == null) {
                return fallback;
            }
            try {
                return Long.parseLong(raw.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " must be a whole number, not '" + raw + "'");
            }
        }
    }
}
