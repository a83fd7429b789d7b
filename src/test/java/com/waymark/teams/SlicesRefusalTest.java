package com.waymark.teams;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A slice that recognises a message but cannot use it answers with what was wrong, from parsing as from handling. */
class SlicesRefusalTest {

    private sealed interface Strict extends Command permits Strict.Go {
        record Go() implements Strict {
        }
    }

    /** Owns "go …": refuses anything after it, as a slice refuses 30 February. */
    private static final class StrictSlice implements FeatureSlice<Strict> {
        @Override
        public Optional<Strict> parse(Phrase phrase) {
            if (phrase.phrase().startsWith("go ")) {
                throw new BadInput("Say just go, nothing after it.");
            }
            return phrase.is("go") ? Optional.of(new Strict.Go()) : Optional.empty();
        }

        @Override
        public Optional<Strict> parseCard(CardSubmit submit) {
            if ("strict".equals(submit.action())) {
                throw new BadInput("That card is out of date.");
            }
            return Optional.empty();
        }

        @Override
        public List<Activity> handle(Turn turn, Strict command) {
            return List.of();
        }
    }

    private final Slices slices = new Slices(List.of(new StrictSlice()), 2000);

    @Test
    void aTypedMessageTheSliceRefusesBecomesItsAnswerNotAFailedTurn() {
        Command read = slices.read("go faster", null);
        assertThat(read).isInstanceOf(Slices.Refused.class);
        assertThat(((Slices.Refused) read).reason().getMessage()).isEqualTo("Say just go, nothing after it.");
        assertThat(slices.read("go", null)).isInstanceOf(Slices.Sliced.class);
    }

    @Test
    void aCardTheSliceRefusesBecomesItsAnswerToo() {
        var data = JsonNodeFactory.instance.objectNode().put("action", "strict");
        Command read = slices.read(null, data);
        assertThat(read).isInstanceOf(Slices.Refused.class);
        assertThat(((Slices.Refused) read).reason().getMessage()).isEqualTo("That card is out of date.");
    }
}
