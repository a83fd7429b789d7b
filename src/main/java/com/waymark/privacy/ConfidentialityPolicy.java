package com.waymark.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule book for what a coach may see. Every count, score aggregate, change over time and quote
 * shown to coaching staff goes through here, so the promise in the privacy notice ("summaries that combine
 * at least five people") is kept in exactly one place.
 *
 * <p>A cell is shown only when it combines at least {@link #threshold()} distinct people. Suppressing small
 * cells is not enough on its own: a total and all but one of its parts give the missing part by subtraction,
 * and two periods that differ by one person give that person's answer by subtraction. Hence the
 * complementary rules in {@link #breakdown} and {@link #compare}, and across reads {@link #mayRelease}.
 *
 * <p>Who counts is decided before any cell: the figures shown to staff are computed over, and thresholded on,
 * contributors other than the viewer and the programme's staff ({@link #contributors}), so a coach who also
 * checks in can never make up part of the threshold of a figure they read.
 */
public final class ConfidentialityPolicy {

    /** Below three, "people like you" becomes "you and one other": no programme may go lower. */
    public static final int FLOOR = 3;

    /** Why a cell is hidden; {@link #SHOWN} when it is not. */
    public enum Reason {
        SHOWN,
        /** Fewer distinct people than the threshold. */
        TOO_FEW_PEOPLE,
        /** Large enough itself, hidden so that a hidden neighbour can't be worked out by subtraction. */
        COMPLEMENTARY,
        /** A change between periods whose people differ by a handful: the change would describe them. */
        FEW_PEOPLE_CHANGED,
        /** Released before over an overlapping period from people who differ by a handful: see {@link #mayRelease}. */
        RELEASED_BEFORE
    }

    /** One number a coach might see, and whether they may. */
    public record Cell(String key, int people, Reason reason) {

        public boolean shown() {
            return reason == Reason.SHOWN;
        }
    }

    /** A total and its parts (for example a programme and its groups), each decided. */
    public record Breakdown(Cell total, List<Cell> parts) {

        public Cell part(String key) {
            return parts.stream().filter(p -> p.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No part " + key));
        }
    }

    /** Two consecutive periods and the change between them, each decided. */
    public record PeriodComparison(Cell previous, Cell current, Cell change) {
    }

    /** A response that might be quoted: whose it is (never shown) and whether they ticked "OK to quote me". */
    public record QuoteCandidate(long authorId, boolean optedIn, String text) {
    }

    private final int threshold;

    private ConfidentialityPolicy(int threshold) {
        this.threshold = threshold;
    }

    /** The policy for a programme's threshold; anything below {@link #FLOOR} is raised to it, never trusted. */
    public static ConfidentialityPolicy withThreshold(int programmeThreshold) {
        return new ConfidentialityPolicy(Math.max(FLOOR, programmeThreshold));
    }

    public int threshold() {
        return threshold;
    }

    /** A count or score aggregate over this many distinct people. */
    public Cell cell(String key, int distinctPeople) {
        if (distinctPeople < 0) {
            throw new IllegalArgumentException("A cell can't have fewer than zero people");
        }
        return new Cell(key, distinctPeople, distinctPeople >= threshold ? Reason.SHOWN : Reason.TOO_FEW_PEOPLE);
    }

    /** A count or score aggregate over these people; the same person twice still counts once. */
    public Cell cell(String key, Collection<Long> people) {
        return cell(key, new HashSet<>(people).size());
    }

    /**
     * A total with its parts, for example a programme and its groups. The total is the sum of the parts, so
     * every person must be in exactly one part: pass a "no group" part for people outside every group.
     *
     * <p>Parts below the threshold are hidden. Then, while the total is shown and the hidden parts together
     * hold fewer than threshold people (total minus the shown parts would describe them), the smallest shown
     * part is hidden too. With exactly one small part this is the classic rule: hide the next-smallest
     * as well. It also covers two small parts whose sum is still small, and a lone empty part (knowing that
     * nobody in a team answered is knowing something about each of them).
     */
    public Breakdown breakdown(String totalKey, Map<String, Integer> partPeople) {
        int total = partPeople.values().stream().mapToInt(Integer::intValue).sum();
        Cell totalCell = cell(totalKey, total);
        Map<String, Cell> parts = new LinkedHashMap<>();
        partPeople.forEach((key, people) -> parts.put(key, cell(key, people)));
        if (totalCell.shown()) {
            while (hiddenPeople(parts.values()) < threshold && parts.values().stream().anyMatch(c -> !c.shown())) {
                Cell smallestShown = parts.values().stream().filter(Cell::shown)
                        .min(Comparator.comparingInt(Cell::people).thenComparing(Cell::key))
                        .orElseThrow(() -> new IllegalStateException("hidden parts of a shown total hold it all"));
                parts.put(smallestShown.key(), new Cell(smallestShown.key(), smallestShown.people(),
                        Reason.COMPLEMENTARY));
            }
        }
        return new Breakdown(totalCell, List.copyOf(parts.values()));
    }

    /**
     * Two consecutive periods of the same aggregate. Each period is a cell in its own right; the change between
     * them is shown only when both are, and when the people who answered in one period but not the other are
     * none at all or at least threshold many. When a handful differ, the current period is hidden as well:
     * otherwise a coach could subtract the two shown values and read those few people's answers.
     */
    public PeriodComparison compare(Collection<Long> previousPeople, Collection<Long> currentPeople) {
        Set<Long> previous = Set.copyOf(previousPeople);
        Set<Long> current = Set.copyOf(currentPeople);
        Cell before = cell("previous", previous.size());
        Cell now = cell("current", current.size());
        Set<Long> changed = new HashSet<>(previous);
        changed.addAll(current);
        Set<Long> inBoth = new HashSet<>(previous);
        inBoth.retainAll(current);
        changed.removeAll(inBoth);
        int differing = changed.size();
        if (!before.shown() || !now.shown()) {
            return new PeriodComparison(before, now, new Cell("change", differing, Reason.TOO_FEW_PEOPLE));
        }
        if (differing > 0 && differing < threshold) {
            return new PeriodComparison(before, new Cell("current", now.people(), Reason.COMPLEMENTARY),
                    new Cell("change", differing, Reason.FEW_PEOPLE_CHANGED));
        }
        return new PeriodComparison(before, now, new Cell("change", differing, Reason.SHOWN));
    }

    /**
     * A report of the current period that also offers the change since the previous one. The current period
     * is a cell in its own right and stands alone; the previous period and the change are shown only when
     * {@link #compare} would show the change, so the two values that could be subtracted never appear together
     * unless the people behind them are the same or differ by at least threshold many.
     */
    public PeriodComparison trend(Collection<Long> previousPeople, Collection<Long> currentPeople) {
        PeriodComparison full = compare(previousPeople, currentPeople);
        Cell now = cell("current", Set.copyOf(currentPeople).size());
        if (full.change().shown()) {
            return new PeriodComparison(full.previous(), now, full.change());
        }
        Cell before = full.previous().shown()
                ? new Cell("previous", full.previous().people(), Reason.COMPLEMENTARY) : full.previous();
        return new PeriodComparison(before, now, full.change());
    }

    /**
     * The quotes a coach may see from one theme: none unless the theme has at least threshold distinct
     * contributors (quoted or not), and then only the responses whose author ticked "OK to quote me".
     * Only the text comes back: never who wrote it.
     */
    public List<String> quotable(Collection<QuoteCandidate> themeResponses) {
        long contributors = themeResponses.stream().map(QuoteCandidate::authorId).distinct().count();
        if (contributors < threshold) {
            return List.of();
        }
        List<String> quotes = new ArrayList<>();
        for (QuoteCandidate response : themeResponses) {
            if (response.optedIn() && response.text() != null && !response.text().isBlank()) {
                quotes.add(response.text().strip());
            }
        }
        return List.copyOf(quotes);
    }

    /**
     * Rule 1: the people who may count towards a figure shown to this viewer. Everyone on the programme's staff
     * (coaches and admins) and the viewer are left out, so nobody reads a figure they helped to make up: with
     * them in, a coach and a colleague at 4 and 4 and a third person would give the third's answer away.
     */
    public static Set<Long> contributors(Collection<Long> members, Collection<Long> staff, long viewerId) {
        Set<Long> counted = new HashSet<>(members);
        counted.removeAll(staff);
        counted.remove(viewerId);
        return Set.copyOf(counted);
    }

    /**
     * Rule 2, across reads: whether a figure of a measure may be released, given the contributors of every
     * figure of the same measure already released over an overlapping period. Contributors are people, each
     * with a fingerprint of the records that made their contribution. Two releases that differ in between 1 and
     * threshold−1 people (in who is in, or in what they contributed: a person who checked in again has changed)
     * would let a reader subtract one from the other and read those few people's answers, so the second is not
     * released. Identical sets may be released again (they give the same figure), and so may sets that differ in
     * at least threshold people, whose difference is itself a cell the size of a shown one.
     */
    public boolean mayRelease(Map<Long, String> contributors, Collection<Map<Long, String>> releasedBefore) {
        for (Map<Long, String> earlier : releasedBefore) {
            int changed = peopleChanged(contributors, earlier);
            if (changed > 0 && changed < threshold) {
                return false;
            }
        }
        return true;
    }

    /** People in one set and not the other, or in both with different contributing records. */
    public static int peopleChanged(Map<Long, String> first, Map<Long, String> second) {
        int changed = 0;
        for (Map.Entry<Long, String> person : first.entrySet()) {
            if (!person.getValue().equals(second.get(person.getKey()))) {
                changed++;
            }
        }
        for (Long person : second.keySet()) {
            if (!first.containsKey(person)) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Rule 3, for a count of people who responded (Viva Glint's rule for response rates): released when at least
     * threshold people responded, whatever the number who did not. Non-responders are never named, and every
     * other count is released on the same test, so no released count equals a hidden one.
     */
    public Cell responded(String key, Collection<Long> responders) {
        return cell(key, responders);
    }

    /**
     * A share of people, "X of Y": those who did something and those who did not are both cells, as a total and
     * its two parts ({@link #breakdown}). "0 of 6 met" or "6 of 6 met" would tell a coach each person's answer,
     * and "1 of 6 met another role" is a count of one, so the share is shown only when neither side is small
     * (or hiding the small side would still let it be worked out). Returns whether the share may be shown.
     */
    public boolean share(String key, Collection<Long> yes, Collection<Long> everyone) {
        Set<Long> all = Set.copyOf(everyone);
        Set<Long> did = new HashSet<>(yes);
        did.retainAll(all);
        Map<String, Integer> parts = new LinkedHashMap<>();
        parts.put(key + " yes", did.size());
        parts.put(key + " no", all.size() - did.size());
        Breakdown split = breakdown(key, parts);
        return split.total().shown() && split.parts().stream().allMatch(Cell::shown);
    }

    private static int hiddenPeople(Collection<Cell> cells) {
        return cells.stream().filter(c -> !c.shown()).mapToInt(Cell::people).sum();
    }
}
