package com.waymark.teams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's command table, the Teams manifest's command menus and help all say what the bot understands; the slices
 * are what it does understand, every command the bot has. Each place is checked against the slices' reading, so none
 * can list a command nobody reads; every command a slice names in its help is in README, and every command a person
 * can type is. A slice added by anyone is checked the day it is added ({@link SlicesForTests} finds every slice).
 */
class CommandCatalogueTest {

    private static final Path README = Path.of("README.md");
    private static final Path MANIFEST = Path.of("manifest", "manifest.json");
    /** The table's header: the columns are the 1:1 chat (participant, coach) and the team or group chat. */
    private static final String TABLE = "| Participant (1:1 chat) | Coach (1:1 chat) | Coach (team or group chat) |";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    /** What the table shows as words to add to a report, not commands of their own. */
    private static final Set<String> MODIFIERS = Set.of("team <group>", "since <date>", "since last session");

    @Test
    void everyCommandInReadmesTableIsUnderstood() throws IOException {
        List<List<String>> columns = readmeTable();
        assertThat(columns.get(0)).as("participant commands in README").hasSizeGreaterThan(15);
        for (int column = 0; column < 3; column++) {
            for (String listed : columns.get(column)) {
                if (MODIFIERS.contains(listed)) {
                    continue;
                }
                for (String example : examples(listed)) {
                    Command read = column < 2 ? SlicesForTests.slices().read(example, null)
                            : SlicesForTests.slices().readInSharedChat(example, null);
                    assertThat(understood(read)).as("README lists `%s` (read as \"%s\")", listed, example).isTrue();
                }
            }
        }
    }

    @Test
    void everyCommandInTheManifestsMenusIsUnderstood() throws IOException {
        JsonNode lists = new ObjectMapper().readTree(MANIFEST.toFile()).path("bots").path(0).path("commandLists");
        assertThat(lists.size()).isGreaterThan(0);
        for (JsonNode list : lists) {
            boolean personal = "personal".equals(list.path("scopes").path(0).asText());
            for (String title : list.path("commands").findValuesAsText("title")) {
                Command read = personal ? SlicesForTests.slices().read(title, null)
                        : SlicesForTests.slices().readInSharedChat(title, null);
                assertThat(understood(read)).as("the manifest's menu offers \"%s\"", title).isTrue();
            }
        }
    }

    /**
     * Every command a slice names in bold in its help lines (and reads itself) is in README's table: found by what
     * README's examples read as, not by spelling, so "done 1" in help matches `done <n>` in README.
     */
    @Test
    void everySlicesCommandIsInReadme() throws IOException {
        Set<Class<?>> documented = new HashSet<>();
        readmeTable().forEach(column -> column.forEach(listed -> examples(listed).forEach(example ->
                documented.add(SlicesForTests.unwrap(SlicesForTests.slices().read(example, null)).getClass()))));
        int checked = 0;
        for (FeatureSlice<?> slice : SlicesForTests.slices().all()) {
            for (HelpLine line : slice.help()) {
                Matcher bold = BOLD.matcher(line.markdown());
                while (bold.find()) {
                    Command read = SlicesForTests.slices().read(bold.group(1).strip(), null);
                    if (read instanceof Slices.Sliced<?> sliced && sliced.slice() == slice) {
                        checked++;
                        assertThat(documented).as("%s's command \"%s\" is in README's command table",
                                slice.getClass().getSimpleName(), bold.group(1)).contains(sliced.command().getClass());
                    }
                }
            }
        }
        assertThat(checked).as("commands named in the slices' help").isGreaterThan(10);
    }

    /**
     * Every command of every slice (each record of its sealed command type) is in README's table, or comes only from
     * a card's button (the cards are what README's rows describe), or is listed below with why it is not in the table.
     */
    @Test
    void everyCommandOfEverySliceIsInReadmeOrOnACard() throws IOException {
        Set<Class<?>> documented = new HashSet<>();
        List<List<String>> columns = readmeTable();
        for (int column = 0; column < 3; column++) {
            for (String listed : columns.get(column)) {
                for (String example : examples(listed)) {
                    documented.add(SlicesForTests.unwrap(SlicesForTests.slices().read(example, null)).getClass());
                    documented.add(SlicesForTests.unwrap(SlicesForTests.slices().readInSharedChat(example, null))
                            .getClass());
                }
            }
        }
        Set<Class<?>> onCards = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (String verb : CardActionCatalogue.verbs()) {
            for (String value : List.of("", "1", "COACH", "NONE", "true", "2026-12-01")) {
                var data = json.createObjectNode().put("action", verb);
                CardActionCatalogue.fields().forEach(field -> data.put(field, value));
                onCards.add(SlicesForTests.unwrap(SlicesForTests.slices().read(null, data)).getClass());
            }
            onCards.add(SlicesForTests.unwrap(SlicesForTests.slices().read(null,
                    json.createObjectNode().put("action", verb))).getClass());
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (FeatureSlice<?> slice : SlicesForTests.slices().all()) {
            if (!slice.getClass().isAnnotationPresent(org.springframework.stereotype.Component.class)) {
                continue; // a test's own slice, such as SlicesRefusalTest's
            }
            for (Class<?> command : records(commandType(slice))) {
                checked++;
                if (!documented.contains(command) && !onCards.contains(command)
                        && !NOT_IN_THE_TABLE.contains(name(command))) {
                    missing.add(name(command));
                }
            }
        }
        assertThat(missing).as("commands neither in README's table nor only on a card").isEmpty();
        assertThat(checked).as("commands of all slices").isGreaterThan(80);
        assertThat(NOT_IN_THE_TABLE).allSatisfy(listed -> assertThat(documented.stream().map(CommandCatalogueTest::name))
                .as("%s is in README's table now: take it off the list", listed).doesNotContain(listed));
    }

    /**
     * Commands README's table leaves out, each for a reason: answers on cards whose action ids are kept in the
     * feature's cards class rather than as the slice's public constants, so {@link CardActionCatalogue} (and this
     * test) cannot find them on a card.
     */
    private static final Set<String> NOT_IN_THE_TABLE = Set.of(
            "CycleCommand.Answer", "CycleCommand.Progress", // CycleCards.ANSWER, NOTHING, PROGRESS
            "EvaluationCommand.Answer", "EvaluationCommand.OutcomeAnswer", // EvaluationCards.ANSWER, OUTCOME_ANSWER
            "StoryCommand.Make"); // StorySlice.MAKE, package-private

    private static String name(Class<?> command) {
        return command.getEnclosingClass() == null ? command.getSimpleName()
                : command.getEnclosingClass().getSimpleName() + "." + command.getSimpleName();
    }

    /** {@code C} of the slice's {@code FeatureSlice<C>}. */
    private static Class<?> commandType(FeatureSlice<?> slice) {
        for (java.lang.reflect.Type type : slice.getClass().getGenericInterfaces()) {
            if (type instanceof java.lang.reflect.ParameterizedType parameterized
                    && parameterized.getRawType() == FeatureSlice.class) {
                return (Class<?>) parameterized.getActualTypeArguments()[0];
            }
        }
        throw new IllegalStateException(slice.getClass() + " names no command type");
    }

    /** The records a sealed command type permits, through any sealed interfaces between. */
    private static List<Class<?>> records(Class<?> type) {
        if (type.isRecord()) {
            return List.of(type);
        }
        List<Class<?>> records = new ArrayList<>();
        Class<?>[] permitted = type.getPermittedSubclasses();
        assertThat(permitted).as("%s is sealed", type.getSimpleName()).isNotNull();
        for (Class<?> sub : permitted) {
            records.addAll(records(sub));
        }
        return records;
    }

    /** The check bites: a command nobody reads is not understood, nor an old card's action. */
    @Test
    void aCommandNobodyReadsIsNotUnderstood() {
        assertThat(understood(SlicesForTests.slices().read("summon the kraken", null))).isFalse();
        assertThat(understood(SlicesForTests.slices().read(null,
                new ObjectMapper().createObjectNode().put("action", "noSuchAction")))).isFalse();
        assertThat(examples("snooze [2h]")).containsExactly("snooze", "snooze 2h");
        assertThat(examples("stuck <n> <what's in the way>")).containsExactly("stuck 1 Blue");
    }

    private static boolean understood(Command command) {
        return !(command instanceof Command.Unknown || command instanceof Command.UnknownCardAction);
    }

    /** README's commands, column by column (the backticked terms of each cell). */
    private static List<List<String>> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf(TABLE);
        assertThat(start).as("README's command table").isNotNegative();
        List<List<String>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|", -1);
            for (int column = 0; column < 3 && column + 1 < cells.length; column++) {
                Matcher code = CODE.matcher(cells[column + 1]);
                while (code.find()) {
                    columns.get(column).add(code.group(1).strip());
                }
            }
        }
        return columns;
    }

    /** A listed command as someone would type it: placeholders as example values, an optional part left out or in. */
    static List<String> examples(String listed) {
        String filled = listed.replace("YYYY-MM-DD", "2026-12-01").replace("HH:MM", "14:00")
                .replace("<n>", "1").replaceAll("<[^>]+>", "Blue");
        Set<String> examples = new LinkedHashSet<>();
        examples.add(filled.replaceAll("\\s*\\[[^]]*]", "").strip());
        examples.add(filled.replaceAll("\\[([^]]*)]", "$1").strip());
        return List.copyOf(examples);
    }
}
