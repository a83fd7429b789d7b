package com.waymark.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The Copenhagen Burnout Inventory's work-related burnout scale (Kristensen, Borritz, Villadsen and Christensen 2005,
 * Work &amp; Stress 19(3):192-207), exactly as its authors published it for the PUMA study: seven items, their response
 * options in the published order, and the published scoring (100, 75, 50, 25, 0 down the options; the last item
 * reversed; the score is the mean of the items answered; fewer than four answered is a non-response). Nothing here
 * may be reworded: a changed item is no longer the validated scale, and the cohort could not be compared.
 * <p>
 * The bands are those the GMC reports the same seven items in (its national training survey's burnout report), on
 * this scale's orientation (higher is more burnout): low below 50, moderate from 50 to below 75, high from 75.
 */
public final class OutcomeMeasure {

    public enum Phase { START, END }

    public enum Band {
        LOW("Low"), MODERATE("Moderate"), HIGH("High");

        private final String label;

        Band(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One item: its wording, its options in the published order, and whether its scoring is reversed. */
    public record Item(String text, List<String> options, boolean reversed) {
    }

    public static final String NAME = "Copenhagen Burnout Inventory, work-related burnout";

    private static final List<String> DEGREE = List.of("To a very high degree", "To a high degree", "Somewhat",
            "To a low degree", "To a very low degree");
    private static final List<String> FREQUENCY = List.of("Always", "Often", "Sometimes", "Seldom",
            "Never/almost never");

    public static final List<Item> ITEMS = List.of(
            new Item("Is your work emotionally exhausting?", DEGREE, false),
            new Item("Do you feel burnt out because of your work?", DEGREE, false),
            new Item("Does your work frustrate you?", DEGREE, false),
            new Item("Do you feel worn out at the end of the working day?", FREQUENCY, false),
            new Item("Are you exhausted in the morning at the thought of another day at work?", FREQUENCY, false),
            new Item("Do you feel that every working hour is tiring for you?", FREQUENCY, false),
            new Item("Do you have enough energy for family and friends during leisure time?", FREQUENCY, true));

    /** Below this many items answered the authors classify the respondent as a non-responder. */
    public static final int MIN_ANSWERED = 4;

    private OutcomeMeasure() {
    }

    /**
     * The score of one set of answers, each the index of the option chosen (0 is the first option) or null when the
     * item was skipped; throws when fewer than {@link #MIN_ANSWERED} items were answered or an answer is not an option.
     */
    public static double score(List<Integer> answers) {
        if (answers.size() != ITEMS.size()) {
            throw new IllegalArgumentException("Seven answers, one per item");
        }
        long answered = answers.stream().filter(Objects::nonNull).count();
        if (answered < MIN_ANSWERED) {
            throw new IllegalArgumentException("Fewer than four items answered");
        }
        double sum = 0;
        for (int i = 0; i < ITEMS.size(); i++) {
            Integer option = answers.get(i);
            if (option == null) {
                continue;
            }
            if (option < 0 || option > 4) {
                throw new IllegalArgumentException("An answer is one of five options");
            }
            int points = 100 - 25 * option;
            sum += ITEMS.get(i).reversed() ? 100 - points : points;
        }
        return sum / answered;
    }

    public static Band band(double score) {
        return score < 50 ? Band.LOW : score < 75 ? Band.MODERATE : Band.HIGH;
    }
}
