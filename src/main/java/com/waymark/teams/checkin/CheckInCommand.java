package com.waymark.teams.checkin;

import com.waymark.teams.Command;

/** Checking in: the card, and a check-in sent from it or typed in one line. */
public sealed interface CheckInCommand extends Command {

    record Start() implements CheckInCommand {
    }

    /** Ratings stay raw so that validation in the domain can explain what was wrong with them. */
    record Submit(String wellbeing, String energy, String promptId, String reflection, boolean quoteOk,
                  boolean fromCard, String programmeId, String occurrenceId) implements CheckInCommand {
    }
}
