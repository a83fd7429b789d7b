package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import org.springframework.stereotype.Component;

/**
 * Every {@link FeatureSlice} Spring registered, asked in turn: the one place the edge learns what a message means
 * when a slice owns it, and where help's lines come from.
 */
@Component
class Slices {

    private final List<FeatureSlice<?>> slices;

    Slices(List<FeatureSlice<?>> slices) {
        this.slices = List.copyOf(slices);
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

    private static <C extends Command> Optional<Command> fromText(FeatureSlice<C> slice, Phrase phrase) {
        return slice.parse(phrase).map(command -> new Sliced<>(slice, command));
    }

    private static <C extends Command> Optional<Command> fromCard(FeatureSlice<C> slice, CardSubmit submit) {
        return slice.parseCard(submit).map(command -> new Sliced<>(slice, command));
    }

    /** A command with the slice that read it, so it goes back to that slice and nowhere else. */
    record Sliced<C extends Command>(FeatureSlice<C> slice, C command) implements Command {

        List<Activity> handle(Turn turn) {
            return slice.handle(turn, command);
        }
    }
}
