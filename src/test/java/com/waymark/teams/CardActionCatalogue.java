package com.waymark.teams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every card action and every card data field the parser reads, taken from the code rather than listed by hand, so a
 * new card action is fuzzed the day it is added: the verbs are {@link CardActions}' constants, the fields the names
 * {@code CommandParser} reads from card data.
 */
final class CardActionCatalogue {

    private static final Path PARSER = Path.of("src", "main", "java", "com", "waymark", "teams", "CommandParser.java");
    private static final Pattern FIELD_READ = Pattern.compile("data(?:, |\\.path\\()\"(\\w+)\"");

    private CardActionCatalogue() {
    }

    static List<String> verbs() {
        List<String> verbs = new ArrayList<>();
        for (Field field : CardActions.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    field.setAccessible(true);
                    verbs.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(verbs);
    }

    /** The data fields the parser reads, "action" aside. */
    static List<String> fields() {
        try {
            Matcher reads = FIELD_READ.matcher(Files.readString(PARSER));
            TreeSet<String> names = new TreeSet<>();
            while (reads.find()) {
                names.add(reads.group(1));
            }
            names.remove("action");
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
