package com.waymark.support;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators for the input fuzz tests: hostile strings and arbitrary JSON. */
public final class Junk {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Every command that takes a date or a time, with {@code {D}}, {@code {D2}} (dates) and {@code {T}}, {@code {T2}}
     * (times of day) where they go.
     */
    public static final List<String> WHEN_COMMANDS = List.of("next session {D} {T}", "next session on {D} at {T}",
            "session {D}", "next session {D}", "leave {D}", "on call {D}", "on-call {D}", "annual leave {D} to {D2}",
            "on leave {D} until {D2}", "leave {D} - {D2}", "on call {D} to {D2}", "summary since {D}",
            "export since {D}", "participation team Blue since {D}", "themes for group Red since {D}",
            "wellbeing since {D}", "team actions since {D}", "quiet hours {T}-{T2}", "quiet hours from {T} to {T2}",
            "after {T}", "not before {T}");

    private Junk() {
    }

    /** Year-month-day dates, most of them impossible: month 0 to 19, day 0 to 39, leap and common years, one- or two-digit parts. */
    public static Arbitrary<String> dates() {
        return Combinators.combine(Arbitraries.of("2024", "2026", "2027", "2028", "2100", "2000", "0000", "9999"),
                Arbitraries.integers().between(0, 19), Arbitraries.integers().between(0, 39), Arbitraries.of(true, false))
                .as((year, month, day, padded) -> padded ? String.format("%s-%02d-%02d", year, month, day)
                        : year + "-" + month + "-" + day);
    }

    /** Times of day as people write them, many impossible: hour 0 to 29, minute 0 to 69, 24-hour or am/pm. */
    public static Arbitrary<String> times() {
        Arbitrary<String> clock = Combinators.combine(Arbitraries.integers().between(0, 29),
                Arbitraries.integers().between(0, 69), Arbitraries.of(":", ".")).as((h, m, sep) -> String.format("%02d%s%02d", h, sep, m));
        Arbitrary<String> twelve = Combinators.combine(Arbitraries.integers().between(0, 15), Arbitraries.of("am", "pm", " pm"))
                .as((h, half) -> h + half);
        return Arbitraries.oneOf(clock, twelve);
    }

    /** What a card may carry where an id belongs: junk, negative, huge, fractional, empty, numbers as JSON numbers. */
    public static Arbitrary<JsonNode> ids() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "0", "-1", "-9223372036854775808", "9223372036854775807", "99999999999999999999",
                        "1e9", "1.5", "NaN", "abc", "1,2", "1; drop table programme", "０１", "12 ", " 7").map(NODES::textNode),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.longs().between(1, 10_000).map(l -> (JsonNode) NODES.textNode(Long.toString(l))));
    }

    /** Strings as people, clients and attackers send them: any code unit (lone surrogates too), floods, markup. */
    public static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().all().ofMaxLength(64)),
                Tuple.of(3, Arbitraries.strings().withChars(" \t\n\r0123456789/,.:;-<>#@!?").ofMaxLength(80)),
                Tuple.of(2, Arbitraries.of("", " ", "null", "true", "0", "-1", "1e308", "NaN", "9999999999999999999",
                        "<at>Waymark</at>", "<script>alert(1)</script>", "${jndi:ldap://x}", "'; drop table participant; --",
                        "\u0000", "\uD800", "\uDFFF\uD800", "\u202E\u2066", "𝕎𝕒𝕪𝕞𝕒𝕣𝕜", "١٢٣", "Ⅳ Ⅲ", "４ ３")),
                Tuple.of(1, Combinators.combine(Arbitraries.of("a", "4 ", "<", " ", "é", "😀", "\uD83D"),
                        Arbitraries.integers().between(100, 20_000)).as(String::repeat)));
    }

    /** Any JSON value, nested up to {@code depth}. */
    public static Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                strings().map(NODES::textNode),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.just(NODES.nullNode()));
        if (depth <= 0) {
            return leaves;
        }
        Arbitrary<JsonNode> arrays = json(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.oneOf(strings(), fieldNames()).list().ofMaxSize(4),
                json(depth - 1).list().ofSize(4)).as((names, values) -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        object.set(names.get(i), values.get(i));
                    }
                    return (JsonNode) object;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, leaves), Tuple.of(1, arrays),
                Tuple.of(1, objects));
    }

    /** Names that mean something to Teams or to Waymark, so that junk lands where it hurts. */
    public static Arbitrary<String> fieldNames() {
        return Arbitraries.of(List.of("type", "id", "text", "value", "from", "recipient", "conversation", "channelData",
                "serviceUrl", "channelId", "locale", "localTimezone", "timestamp", "entities", "attachments", "action",
                "name", "membersAdded", "membersRemoved", "deliveryMode", "replyToId", "tenant", "tenantId",
                "aadObjectId", "conversationType", "wellbeing", "energy", "reflection", "promptId", "quoteOk",
                "programmeId", "occurrenceId", "number", "participantId", "groupId", "role", "organisation", "threshold",
                "retentionDays", "startsOn", "endsOn", "timeZone", "everyWeeks", "weekdays", "time", "verb", "data"));
    }
}
