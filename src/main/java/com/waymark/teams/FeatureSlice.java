package com.waymark.teams;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.schema.Activity;

/**
 * One feature at the Teams edge, in one place: the phrases it understands, the card actions it owns, what it does
 * with them (one call into its module), the cards it answers with, and its lines of help. Spring registers every
 * slice; {@link Slices} asks each in turn, so adding a feature adds a slice and touches no switchboard.
 * <p>
 * In a team or group chat nothing personal is stored or shown: only what a slice reads there with
 * {@link #parseShared} (asked first there) or a card whose command {@link #worksInSharedChat} is answered there, by
 * {@link #handleShared}; any other command is pointed to the 1:1 chat.
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

    /**
     * For a command that {@link #needsConsent}: whether its domain call asks for consent itself before it reads,
     * stores or shows anything of the person's coaching (under the person's lock, {@code ConsentService.lockForRecording},
     * refusing with {@code ConsentRequired}), so the bot need not ask first: one read fewer on a hot path, and the
     * person gets the same notice either way.
     */
    default boolean consentAskedByService(Turn turn, C command) {
        return false;
    }

    /**
     * A typed message in a team or group chat that this feature answers there. Asked there before any other reading,
     * so a word can mean the team's view there ("actions": the team report) and the person's own in a 1:1 chat.
     */
    default Optional<C> parseShared(Phrase phrase) {
        return Optional.empty();
    }

    /** Whether {@code command} (read from {@link #parseShared} or from a card) is answered in a team or group chat. */
    default boolean worksInSharedChat(C command) {
        return false;
    }

    /** Answers a command that {@link #worksInSharedChat}; it may read the chat's members. */
    default CompletableFuture<List<Activity>> handleShared(SharedTurn turn, C command) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " answers nothing in a shared chat");
    }

    /** This feature's lines in {@code help}. */
    default List<HelpLine> help() {
        return List.of();
    }
}
