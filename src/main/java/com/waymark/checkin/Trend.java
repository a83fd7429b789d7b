package com.waymark.checkin;

import java.util.List;

/**
 * A participant's own recent ratings, oldest first, for the "your trend" reply.
 *
 * @param wellbeing recent wellbeing ratings, oldest first
 * @param energy    recent energy ratings, oldest first
 * @param total     all check-ins this person has ever answered
 */
public record Trend(List<Integer> wellbeing, List<Integer> energy, long total) {

    public boolean isEmpty() {
        return wellbeing.isEmpty();
    }

    public double wellbeingAverage() {
        return wellbeing.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    public double energyAverage() {
        return energy.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    /** Direction of the latest rating against the average of the ones before it; none until there are two. */
    public static String direction(List<Integer> ratings) {
        if (ratings.size() < 2) {
            throw new IllegalArgumentException("A direction needs at least two ratings");
        }
        double before = ratings.subList(0, ratings.size() - 1).stream().mapToInt(Integer::intValue).average().orElse(0);
        int latest = ratings.get(ratings.size() - 1);
        if (latest - before >= 0.5) {
            return "up";
        }
        if (before - latest >= 0.5) {
            return "down";
        }
        return "steady";
    }
}
