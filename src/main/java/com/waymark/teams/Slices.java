package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every {@link FeatureSlice} Spring registered, asked in turn (in their {@code @Order}; a slice without one comes
 * after those with): the one place the edge learns what a message means, and where help's lines come from.
 * <p>
 * A typed message is read in three passes, so that no catch-all form swallows another feature's phrase: every
 * slice's specific phrases ({@link FeatureSlice#parse}), then the conversations that predate slices
 * ({@link CommandParser}, until the last of them is a slice), then every slice's loose forms
 * ({@link FeatureSlice#parseLoosely}).
 */
@Component
class Slices {

    private final List<FeatureSlice<?>> slices;
    private final CommandParser older;
    private final int maxTextChars;

    @Autowired
    Slices(List<FeatureSlice<?>> slices, BotSettings settings) {
        this(slices, settings.maxTextChars());
    }

    /** {@code slices} in the order they are asked. */
    Slices(List<FeatureSlice<?>> slices, int maxTextChars) {
        this.slices = List.copyOf(slices);
        this.maxTextChars = maxTextChars;
        this.older = new CommandParser(maxTextChars);
    }

    /** What a 1:1 message means: text, or a card's submit data ({@code value}). Never null. */
    Command read(String text, JsonNode value) {
        if (value != null && value.isObject()) {
            return parseCard(value).orElseGet(() -> older.parse(text, value));
        }
        if (text != null && text.length() > maxTextChars) {
            return new Command.TooLong(text.length(), maxTextChars);
        }
        Optional<Command> sliced = parse(text);
        if (sliced.isPresent()) {
            return sliced.get();
        }
        Command command = older.parse(text, null);
        return command instanceof Command.Unknown ? parseLoosely(text).orElse(command) : command;
    }

    /**
     * What a message in a team or group chat means. Only coaching-team commands work there (the older
     * conversations' roster and report commands, {@link TeamChatConversation}); a slice's command is recognised so
     * that it is pointed to the 1:1 chat rather than answered with help, as before slices.
     */
    Command readInSharedChat(String text, JsonNode value) {
        Command command = older.parseInSharedChat(text, value);
        if (!(command instanceof Command.Unknown || command instanceof Command.UnknownCardAction)) {
            return command;
        }
        Optional<Command> sliced = value != null && value.isObject() ? parseCard(value)
                : parse(text).or(() -> parseLoosely(text));
        return sliced.orElse(command);
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
    List<String> help(HelpLine.Audience audience) {
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
        return slice.parse(phrase).map(command -> new Sliced<>(slice, command));
    }

    private static <C extends Command> Optional<Command> loosely(FeatureSlice<C> slice, Phrase phrase) {
        return slice.parseLoosely(phrase).map(command -> new Sliced<>(slice, command));
    }

    private static <C extends Command> Optional<Command> fromCard(FeatureSlice<C> slice, CardSubmit submit) {
        return slice.parseCard(submit).map(command -> new Sliced<>(slice, command));
    }

    /** A command with the slice that read it, so it goes back to that slice and nowhere else. */
    record Sliced<C extends Command>(FeatureSlice<C> slice, C command) implements Command {

        List<Activity> handle(Turn turn) {
            return slice.handle(turn, command);
        }

        boolean needsConsent(Turn turn) {
            return slice.needsConsent(turn, command);
        }
    }
}
