package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every {@link FeatureSlice} Spring registered, asked in turn (in their {@code @Order}; a slice without one comes
 * after those with): the one place the edge learns what a message means, and where help's lines come from.
 * <p>
 * A typed message is read in two passes, so that no catch-all form swallows another feature's phrase: every
 * slice's specific phrases ({@link FeatureSlice#parse}), then every slice's loose forms
 * ({@link FeatureSlice#parseLoosely}). In a team or group chat the phrases that work there
 * ({@link FeatureSlice#parseShared}) are read first. What no slice reads is one of {@link Command}'s own records.
 */
@Component
class Slices implements HelpIndex {

    private final List<FeatureSlice<?>> slices;
    private final int maxTextChars;

    @Autowired
    Slices(List<FeatureSlice<?>> slices, BotSettings settings) {
        this(slices, settings.maxTextChars());
    }

    /** {@code slices} in the order they are asked. */
    Slices(List<FeatureSlice<?>> slices, int maxTextChars) {
        this.slices = List.copyOf(slices);
        this.maxTextChars = maxTextChars;
    }

    /** What a 1:1 message means: text, or a card's submit data ({@code value}). Never null. */
    Command read(String text, JsonNode value) {
        if (value != null && value.isObject()) {
            return parseCard(value).orElseGet(Command.UnknownCardAction::new);
        }
        if (text != null && text.length() > maxTextChars) {
            return new Command.TooLong(text.length(), maxTextChars);
        }
        return parse(text).or(() -> parseLoosely(text)).orElseGet(Command.Unknown::new);
    }

    /**
     * What a message in a team or group chat means: what a slice answers there ({@link FeatureSlice#parseShared})
     * first; otherwise it is read as in a 1:1 chat, so that a command that does not work there is recognised and
     * pointed to the 1:1 chat rather than answered with help.
     */
    Command readInSharedChat(String text, JsonNode value) {
        if (value != null && value.isObject() || text != null && text.length() > maxTextChars) {
            return read(text, value);
        }
        Phrase phrase = Phrase.of(text);
        for (FeatureSlice<?> slice : slices) {
            Optional<Command> parsed = shared(slice, phrase);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        return read(text, value);
    }

    /** The command a slice read from a typed message, bound to that slice; empty when no slice owns it. */
    Optional<Command> parse(String text) {
        Phrase phrase = Phrase.of(text);
        for (FeatureSlice<?> slice : slices) {
            Optional<Command> parsed = fromText(slice, phrase);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    private Optional<Command> parseLoosely(String text) {
        Phrase phrase = Phrase.of(text);
        for (FeatureSlice<?> slice : slices) {
            Optional<Command> parsed = loosely(slice, phrase);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** The command a slice read from a card submit, bound to that slice; empty when no slice owns its action. */
    Optional<Command> parseCard(JsonNode data) {
        String action = data.path("action").asText(null);
        if (action == null) {
            return Optional.empty();
        }
        CardSubmit submit = new CardSubmit(action, data);
        for (FeatureSlice<?> slice : slices) {
            Optional<Command> parsed = fromCard(slice, submit);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** Every slice's lines of help for {@code audience}, in registration order. */
    @Override
    public List<String> help(HelpLine.Audience audience) {
        List<String> lines = new ArrayList<>();
        slices.forEach(slice -> slice.help().stream().filter(line -> line.audience() == audience)
                .forEach(line -> lines.add(line.markdown())));
        return lines;
    }

    /** Every registered slice, for the checks that everything said about commands matches what they parse. */
    List<FeatureSlice<?>> all() {
        return slices;
    }

    private static <C extends Command> Optional<Command> fromText(FeatureSlice<C> slice, Phrase phrase) {
        try {
            return slice.parse(phrase).map(command -> new Sliced<>(slice, command));
        } catch (BadInput bad) {
            return Optional.of(new Refused(bad));
        }
    }

    private static <C extends Command> Optional<Command> shared(FeatureSlice<C> slice, Phrase phrase) {
        try {
            return slice.parseShared(phrase).map(command -> new Sliced<>(slice, command));
        } catch (BadInput bad) {
            return Optional.of(new Refused(bad));
        }
    }

    private static <C extends Command> Optional<Command> loosely(FeatureSlice<C> slice, Phrase phrase) {
        try {
            return slice.parseLoosely(phrase).map(command -> new Sliced<>(slice, command));
        } catch (BadInput bad) {
            return Optional.of(new Refused(bad));
        }
    }

    private static <C extends Command> Optional<Command> fromCard(FeatureSlice<C> slice, CardSubmit submit) {
        try {
            return slice.parseCard(submit).map(command -> new Sliced<>(slice, command));
        } catch (BadInput bad) {
            return Optional.of(new Refused(bad));
        }
    }

    /** {@code command} as the slice that read it made it (a command of {@link Command}'s own stays as it is). */
    static Command unwrap(Command command) {
        return command instanceof Sliced<?> sliced ? sliced.command() : command;
    }

    /**
     * A slice recognised the message as its own but could not use it (a date that does not exist, a number out of
     * range): answered with what was wrong, like a {@link BadInput} from handling, never "something went wrong".
     */
    record Refused(BadInput reason) implements Command {
    }

    /** A command with the slice that read it, so it goes back to that slice and nowhere else. */
    record Sliced<C extends Command>(FeatureSlice<C> slice, C command) implements Command {

        List<Activity> handle(Turn turn) {
            return slice.handle(turn, command);
        }

        boolean needsConsent(Turn turn) {
            return slice.needsConsent(turn, command);
        }

        boolean consentAskedByService(Turn turn) {
            return slice.consentAskedByService(turn, command);
        }

        boolean worksInSharedChat() {
            return slice.worksInSharedChat(command);
        }

        CompletableFuture<List<Activity>> handleShared(SharedTurn turn) {
            return slice.handleShared(turn, command);
        }
    }
}
