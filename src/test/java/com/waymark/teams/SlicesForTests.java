package com.waymark.teams;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.mockito.Mockito;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every {@link FeatureSlice} in the code, found as Spring finds them and asked in the same order, for testing what
 * messages mean without starting the application: each slice is made with mocks for what it calls, which reading a
 * phrase or a card never touches. A slice added tomorrow is in here tomorrow.
 */
final class SlicesForTests {

    private static final Slices SLICES = new Slices(all(), 4000);

    private SlicesForTests() {
    }

    static Slices slices() {
        return SLICES;
    }

    /** What a 1:1 message means; a slice's command is unwrapped from the slice that read it. */
    static Command read(String text, JsonNode value) {
        return unwrap(SLICES.read(text, value));
    }

    static Command readInSharedChat(String text, JsonNode value) {
        return unwrap(SLICES.readInSharedChat(text, value));
    }

    static Command unwrap(Command command) {
        return command instanceof Slices.Sliced<?> sliced ? sliced.command() : command;
    }

    /** "TrendCommand.Show" for a slice's command, "Help" for one of the older conversations'. */
    static String name(Command command) {
        Class<?> type = command.getClass();
        Class<?> outer = type.getEnclosingClass();
        return outer == null || outer == Command.class ? type.getSimpleName()
                : outer.getSimpleName() + "." + type.getSimpleName();
    }

    static List<FeatureSlice<?>> all() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(FeatureSlice.class));
        List<FeatureSlice<?>> slices = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents("com.waymark.teams")) {
            slices.add(make(found.getBeanClassName()));
        }
        AnnotationAwareOrderComparator.sort(slices);
        return slices;
    }

    private static FeatureSlice<?> make(String className) {
        try {
            Class<?> type = Class.forName(className);
            Constructor<?> constructor = Arrays.stream(type.getDeclaredConstructors())
                    .max((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount())).orElseThrow();
            constructor.setAccessible(true);
            Object[] arguments = Arrays.stream(constructor.getParameterTypes()).map(SlicesForTests::stand)
                    .toArray();
            return (FeatureSlice<?>) constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Can't make " + className, e);
        }
    }

    private static Object stand(Class<?> type) {
        if (type == int.class || type == long.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return type == String.class ? "" : Mockito.mock(type, Mockito.RETURNS_DEEP_STUBS);
    }
}
