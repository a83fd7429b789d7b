package com.waymark.teams;

/**
 * What a person asked for, parsed from text or a card submit; plain data, no SDK types. Every feature declares its
 * own sealed sub-type beside its {@link FeatureSlice}, so a feature's commands live with the feature; the records
 * here are the reader's own, for a message no slice could take.
 */
public interface Command {

    /** Text longer than we accept; nothing of it is stored or logged. */
    record TooLong(int length, int limit) implements Command {
    }

    /** A card submit whose data we can't place (an old card, a card from another app). */
    record UnknownCardAction() implements Command {
    }

    /** Text no slice reads. */
    record Unknown() implements Command {
    }

    /**
     * A command the welcome answers on a person's first contact (it shows the privacy notice and what to say first),
     * so nothing follows it then: asking for help.
     */
    interface AnsweredByWelcome extends Command {
    }

    /**
     * Agreeing to the privacy notice: on first contact no welcome comes before the thanks (it would ask for what they
     * just gave), and once they agreed the bot keeps the time zone Teams reports, so check-ins follow their clock.
     */
    interface Agreement extends Command {
    }
}
