package com.waymark.checkin;

/**
 * A check-in as the participant sent it, already parsed from card or text but not yet validated.
 * Ratings are kept as the raw strings sent so that validation can say exactly what was wrong.
 */
public record CheckInSubmission(String wellbeingRaw, String energyRaw, String promptId, String reflection,
                                boolean quoteOk, Source source, Long programmeId, Long occurrenceId) {

    /** How it was answered: on the card, or typed. */
    public enum Source { CARD, TEXT }

    int wellbeing() {
        return Integer.parseInt(wellbeingRaw.trim());
    }

    int energy() {
        return Integer.parseInt(energyRaw.trim());
    }
}
