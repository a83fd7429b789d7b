package com.waymark.programme;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ParticipantService#recognise} answers most turns from a plain read ({@link Participant#read}) beside the JPA
 * mapping: a column added to the entity and not to that read would come back empty on every turn, silently. This
 * keeps the two lists the same.
 */
class ParticipantPlainReadTest {

    @Test
    void thePlainReadSelectsEveryColumnTheEntityMaps() {
        List<String> mapped = Arrays.stream(Participant.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isAnnotationPresent(Transient.class))
                .map(ParticipantPlainReadTest::column)
                .sorted().toList();
        List<String> read = Arrays.stream(Participant.COLUMNS.split(","))
                .map(String::strip)
                .sorted().toList();

        assertThat(read).isEqualTo(mapped);
    }

    private static String column(Field field) {
        Column column = field.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        assertThat(column != null || field.isAnnotationPresent(Id.class))
                .as("field %s is mapped by a @Column or is the @Id", field.getName()).isTrue();
        return field.getName();
    }
}
