package com.waymark.pairing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The participants of one round as the algorithms see them: indexed in id order (so the input's order
 * cannot change the result), with the rules turned into a matrix of allowed pairs.
 */
final class Cohort {

    final Candidate[] people;
    final boolean[][] allowed;
    /** How many others each person may be grouped with at all. */
    final int[] allowedPartners;

    private Cohort(Candidate[] people, boolean[][] allowed, int[] allowedPartners) {
        this.people = people;
        this.allowed = allowed;
        this.allowedPartners = allowedPartners;
    }

    static Cohort of(List<Candidate> participants, PairingRules rules) {
        Candidate[] people = participants.toArray(Candidate[]::new);
        Arrays.sort(people, Comparator.comparingLong(Candidate::id));
        int n = people.length;
        boolean[][] allowed = new boolean[n][n];
        int[] partners = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rules.allows(people[i].id(), people[j].id())) {
                    allowed[i][j] = allowed[j][i] = true;
                    partners[i]++;
                    partners[j]++;
                }
            }
        }
        return new Cohort(people, allowed, partners);
    }

    int size() {
        return people.length;
    }

    /** Pairs meeting in a round where everyone placeable is placed: pairs, and one trio (three pairs) if odd. */
    static int pairsPerRound(int placed) {
        if (placed < 2) {
            return 0;
        }
        return placed % 2 == 0 ? placed / 2 : (placed - 3) / 2 + 3;
    }

    boolean groupMatches(int[] group, PairingMode mode) {
        for (int a = 0; a < group.length; a++) {
            for (int b = a + 1; b < group.length; b++) {
                if (!mode.matches(people[group[a]], people[group[b]])) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean groupPreferred(int[] group, PairingMode mode) {
        for (int a = 0; a < group.length; a++) {
            for (int b = a + 1; b < group.length; b++) {
                if (!mode.prefers(people[group[a]], people[group[b]])) {
                    return false;
                }
            }
        }
        return true;
    }

    Round toRound(int roundIndex, PairingMode mode, Draft draft, MeetingTable before) {
        List<Group> groups = new ArrayList<>();
        for (int[] group : draft.groups()) {
            List<Long> ids = new ArrayList<>();
            for (int member : group) {
                ids.add(people[member].id());
            }
            groups.add(new Group(ids, groupMatches(group, mode), before.metPairsIn(group)));
        }
        groups.sort(Comparator.comparingLong(g -> g.memberIds().get(0)));
        List<Unmatched> unmatched = new ArrayList<>();
        for (Map.Entry<Integer, Unmatched.Reason> entry : draft.unmatched().entrySet()) {
            unmatched.add(new Unmatched(people[entry.getKey()].id(), entry.getValue()));
        }
        unmatched.sort(Comparator.comparingLong(Unmatched::id));
        return new Round(roundIndex, mode, groups, unmatched);
    }
}
