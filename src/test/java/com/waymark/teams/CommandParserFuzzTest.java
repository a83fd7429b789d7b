package com.waymark.teams;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.Junk;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the parser with jqwik (tries: {@code -Djqwik.tries.default}, 200 in CI, more with {@code -Pfuzz}):
 * whatever arrives as text or card data, a command comes out, no exception, and quickly (no regex blow-up).
 */
class CommandParserFuzzTest {

    private static final List<String> ACTIONS = List.of(CardActions.CONSENT, CardActions.START_CHECK_IN,
            CardActions.SUBMIT_CHECK_IN, CardActions.COMPLETE_ACTION, CardActions.SHOW_ACTIONS, CardActions.SHOW_TREND,
            CardActions.SAVE_PROGRAMME, CardActions.EDIT_PROGRAMME, CardActions.SHOW_PEOPLE, CardActions.DESCRIBE_MEMBER,
            CardActions.SET_STAFF, CardActions.ENROL_SELECTED, CardActions.CORRECT_DETAILS, CardActions.USE_PROGRAMME,
            CardActions.SNOOZE, CardActions.SKIP, CardActions.SAVE_SCHEDULE, CardActions.ASK_ERASE,
            CardActions.CONFIRM_ERASE, CardActions.REQUEST_COACH_CALL);

    private final CommandParser parser = new CommandParser(4000);

    @Property
    void anyTextBecomesACommandQuickly(@ForAll("texts") String text) {
        long start = System.nanoTime();
        Command command = parser.parse(text, null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(command).isNotNull();
        if (text.length() > 4000) {
            assertThat(command).isInstanceOf(Command.TooLong.class);
        }
        if (command instanceof Command.SubmitCheckIn checkIn) {
            assertThat(checkIn.wellbeing()).isIn("1", "2", "3", "4", "5");
            assertThat(checkIn.energy()).isIn("1", "2", "3", "4", "5");
        }
    }

    @Property
    void anyCardDataBecomesACommand(@ForAll("cardData") JsonNode data, @ForAll("texts") String text) {
        Command command = parser.parse(text, data);
        assertThat(command).isNotNull();
        if (command instanceof Command.SubmitCheckIn checkIn) {
            // Card inputs reach the domain as text or not at all: never as a JSON structure's toString.
            for (String field : new String[] {checkIn.wellbeing(), checkIn.energy(), checkIn.reflection()}) {
                assertThat(field == null || !field.startsWith("{") || data.toString().contains(field)).isTrue();
            }
        }
    }

    @Property
    void anyJsonAtAllIsTakenOrIgnored(@ForAll("anyJson") JsonNode value, @ForAll("texts") String text) {
        assertThat(parser.parse(text, value)).isNotNull();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> prefixes = Arbitraries.of("", "add action ", "add ", "done ", "done #", "join ", "leave ",
                "leave 2026-12-01 to ", "check in ", "4 3 ", "4/", "snooze ", "pause ", "quiet hours ", "after ",
                "time zone ", "session ", "next session 2026-12-01 at ", "create programme ", "use programme ",
                "<at>Waymark</at> ", "not ", "ok ");
        return Arbitraries.oneOf(Junk.strings(), Combinators.combine(prefixes, Junk.strings()).as(String::concat),
                Arbitraries.strings().withChars("0123456789 :.-/apmhrsw").ofMaxLength(200));
    }

    @Provide
    Arbitrary<JsonNode> cardData() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of(ACTIONS), Junk.strings()),
                Junk.fieldNames().list().ofMaxSize(8), Junk.json(2).list().ofSize(8)).as((action, names, values) -> {
                    ObjectNode data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                    data.put("action", action);
                    for (int i = 0; i < names.size(); i++) {
                        data.set(names.get(i), values.get(i));
                    }
                    return (JsonNode) data;
                });
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return Junk.json(3);
    }
}
