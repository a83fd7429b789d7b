package com.waymark.teams;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.Junk;
import com.waymark.teams.checkin.CheckInCommand;
import com.waymark.teams.checkin.CheckInSlice;
import com.waymark.teams.datarights.DataRightsSlice;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the slices' reading ({@link Slices#read}) with jqwik (tries: {@code -Djqwik.tries.default}, 200 in CI, more with {@code -Pfuzz}):
 * whatever arrives as text or card data, a command comes out, no exception, and quickly (no regex blow-up).
 */
class SlicesReadingFuzzTest {

    private static final List<String> ACTIONS = CardActionCatalogue.verbs();
    private static final List<String> FIELDS = CardActionCatalogue.fields();

    /** The bot's reading of a message ({@link Slices#read}), with a slice's command unwrapped. */
    private final Parser parser = new Parser();

    private static final class Parser {
        Command parse(String text, JsonNode value) {
            return SlicesForTests.read(text, value);
        }
    }

    @Property
    void anyTextBecomesACommandQuickly(@ForAll("texts") String text) {
        long start = System.nanoTime();
        Command command = parser.parse(text, null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(command).isNotNull();
        if (text.length() > 4000) {
            assertThat(command).isInstanceOf(Command.TooLong.class);
        }
        if (command instanceof CheckInCommand.Submit checkIn) {
            assertThat(checkIn.wellbeing()).isIn("1", "2", "3", "4", "5");
            assertThat(checkIn.energy()).isIn("1", "2", "3", "4", "5");
        }
    }

    @Property
    void anyCardDataBecomesACommand(@ForAll("cardData") JsonNode data, @ForAll("texts") String text) {
        Command command = parser.parse(text, data);
        assertThat(command).isNotNull();
        if (command instanceof CheckInCommand.Submit checkIn) {
            // Card inputs reach the domain as text or not at all: never as a JSON structure's toString.
            for (String field : new String[] {checkIn.wellbeing(), checkIn.energy(), checkIn.reflection()}) {
                assertThat(field == null || !field.startsWith("{") || data.toString().contains(field)).isTrue();
            }
        }
    }

    @Example
    void theCatalogueOfCardActionsIsReadFromTheCode() {
        assertThat(ACTIONS).contains(com.waymark.teams.staff.StaffSlice.SET_STAFF, com.waymark.teams.pairing.PeerCoachingSlice.PAIRING_FOLLOW_UP, DataRightsSlice.CONFIRM_ERASE,
                CheckInSlice.SUBMIT_CHECK_IN)
                .hasSizeGreaterThan(25).doesNotHaveDuplicates();
        assertThat(FIELDS).contains("participantId", "followUpId", "memberId", "groupId", "startsOn", "time")
                .doesNotContain("action");
    }

    @Property
    void everyCardActionIsRecognisedWhateverItsFieldsHold(@ForAll("verbs") String verb,
                                                           @ForAll("fieldValues") List<JsonNode> values) {
        ObjectNode data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("action", verb);
        for (int i = 0; i < FIELDS.size(); i++) {
            if (values.get(i) != null) {
                data.set(FIELDS.get(i), values.get(i));
            }
        }
        assertThat(parser.parse(null, data)).as(data.toString()).isNotNull()
                .isNotInstanceOf(Command.UnknownCardAction.class);
    }

    /** Impossible dates are left for the calendar check to explain, never misread as another command. */
    @Property
    void calendarInvalidDatesReachTheCommandThatTakesThem(@ForAll("dateCommands") String template,
                                                          @ForAll("anyDates") String date) {
        Command command = parser.parse(template.replace("{D2}", date).replace("{D}", date).replace("{T2}", "07:30")
                .replace("{T}", "14:00"), null);
        assertThat(command).as(template + " / " + date).isNotInstanceOf(Command.Unknown.class)
                .isNotInstanceOf(com.waymark.teams.membership.MembershipCommand.Leave.class);
        assertThat(command.toString()).contains(date);
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
    Arbitrary<String> verbs() {
        return Arbitraries.of(ACTIONS);
    }

    @Provide
    Arbitrary<List<JsonNode>> fieldValues() {
        return Arbitraries.oneOf(Junk.json(1), Junk.ids()).injectNull(0.3).list().ofSize(FIELDS.size());
    }

    @Provide
    Arbitrary<String> dateCommands() {
        return Arbitraries.of(Junk.WHEN_COMMANDS).filter(t -> t.contains("{D}"));
    }

    @Provide
    Arbitrary<String> anyDates() {
        return Junk.dates();
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return Junk.json(3);
    }
}
