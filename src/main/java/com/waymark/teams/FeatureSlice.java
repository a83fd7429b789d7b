package com.waymark.teams;

import java.util.List;
import java.util.Optional;

import com.microsoft.bot.schema.Activity;

/**
 * One feature at the Teams edge, in one place: the phrases it understands, the card actions it owns, what it does
 * with them (one call into its module), the cards it answers with, and its lines of help. Spring registers every
 * slice; {@link WaymarkBot} asks each in turn, so adding a feature adds a slice and touches no switchboard.
 * <p>
 * {@code C} is the feature's own sealed {@link Command} sub-type. The domain call refuses what needs consent
 * ({@code ConsentRequired}) or an erased person; the bot answers those the same for every slice.
 *
 * @param <C> the feature's commands
 */
public interface FeatureSlice<C extends Command> {

    /** A typed message in a 1:1 chat that is this feature's, or empty. Phrases must not overlap another slice's. */
    default Optional<C> parse(Phrase phrase) {
        return Optional.empty();
    }

    /**
     * A typed message no slice claimed by {@link #parse} and no older conversation understood either, read loosely:
     * the catch-all forms ("add" and any text, "4 3" and a reflection, "done" and anything) that would otherwise
     * swallow another feature's phrase ("add group Blue"). Asked only once every specific phrase has been tried.
     */
    default Optional<C> parseLoosely(Phrase phrase) {
        return Optional.empty();
    }

    /** A card submit that is this feature's (its {@code action} is one this slice put on a card), or empty. */
    default Optional<C> parseCard(CardSubmit submit) {
        return Optional.empty();
    }

    /** Does what the person asked; a {@link BadInput} is answered with its message and nothing is stored. */
    List<Activity> handle(Turn turn, C command);

    /**
     * Whether {@code command} records or shows the person's own coaching, so waits for their agreement to the privacy
     * notice: the bot answers with the notice instead of calling {@link #handle}, and on first contact the welcome
     * alone (it carries the notice). The recording services refuse on their own too ({@code ConsentRequired}).
     */
    default boolean needsConsent(Turn turn, C command) {
        return false;
    }

    /** This feature's lines in {@code help}. */
    default List<HelpLine> help() {
        return List.of();
    }
}
