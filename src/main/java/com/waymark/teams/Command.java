package com.waymark.teams;

/** What a participant asked for, parsed from text or a card submit; plain data, no SDK types. */
sealed interface Command {

    record Help() implements Command {
    }

    record ShowPrivacy() implements Command {
    }

    record GiveConsent() implements Command {
    }

    record StartCheckIn() implements Command {
    }

    /** Ratings stay raw so that validation in the domain can explain what was wrong with them. */
    record SubmitCheckIn(String wellbeing, String energy, String promptId, String reflection, boolean quoteOk,
                         boolean fromCard) implements Command {
    }

    record AddAction(String text) implements Command {
    }

    record ListActions() implements Command {
    }

    record CompleteAction(String number) implements Command {
    }

    record ShowTrend() implements Command {
    }

    /** Text longer than we accept; nothing of it is stored or logged. */
    record TooLong(int length, int limit) implements Command {
    }

    /** A card submit whose data we can't place (an old card, a card from another app). */
    record UnknownCardAction() implements Command {
    }

    record Unknown() implements Command {
    }
}
