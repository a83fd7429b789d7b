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
 * new card action is fuzzed the day it is added: the verbs are every slice's own (its public constants that read as
 * an action id), the fields the names the slices' sources read from card data.
 */
final class CardActionCatalogue {

    private static final Path TEAMS = Path.of("src", "main", "java", "com", "waymark", "teams");
    /** How a slice reads a card's input: {@code submit.value("x")}, {@code submit.text("x")}, {@code data().path("x")}. */
    private static final Pattern SLICE_READ = Pattern.compile("(?:\\.value\\(|\\.text\\(|data\\(\\)\\.path\\()\"(\\w+)\"");
    private static final Pattern ACTION_ID = Pattern.compile("[a-z][A-Za-z]+");

    private CardActionCatalogue() {
    }

    static List<String> verbs() {
        List<String> verbs = new ArrayList<>();
        for (FeatureSlice<?> slice : SlicesForTests.all()) {
            for (Field field : slice.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                        && field.getType() == String.class) {
                    try {
                        String value = (String) field.get(null);
                        if (ACTION_ID.matcher(value).matches()) {
                            verbs.add(value);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return List.copyOf(verbs);
    }

    /** The data fields the parser reads, "action" aside. */
    static List<String> fields() {
        try {
            TreeSet<String> names = new TreeSet<>();
            try (var sources = Files.walk(TEAMS)) {
                for (Path source : sources.filter(p -> p.toString().endsWith("Slice.java")).toList()) {
                    Matcher sliceReads = SLICE_READ.matcher(Files.readString(source));
                    while (sliceReads.find()) {
                        names.add(sliceReads.group(1));
                    }
                }
            }
            names.remove("action");
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
