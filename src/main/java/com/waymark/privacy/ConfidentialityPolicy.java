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
 * complementary rules in {@link #breakdown} and {@link #compare}.
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
        FEW_PEOPLE_CHANGED
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

    private static int hiddenPeople(Collection<Cell> cells) {
        return cells.stream().filter(c -> !c.shown()).mapToInt(Cell::people).sum();
    }
}
