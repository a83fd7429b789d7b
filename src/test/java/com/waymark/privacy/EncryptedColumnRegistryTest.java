package com.waymark.privacy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.waymark.support.WaymarkIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry of encrypted columns ({@link KeyRotation#columns()}) is complete: every entity attribute converted by
 * {@link EncryptedText} and every column JDBC code writes through {@link FieldCipher} is in it, so a rotation
 * re-encrypts it and the start-up check reads it. A new use fails here until its column is registered.
 */
class EncryptedColumnRegistryTest extends WaymarkIntegrationTest {

    /**
     * Every class outside privacy that encrypts or seals with {@link FieldCipher} (directly, or through the insight
     * module's {@code VectorCipher}) in plain JDBC, with the columns it writes. (Migrations that encrypt existing
     * rows do it through privacy's {@code EncryptColumnsMigration}, given registered columns.) A class missing here fails the test:
     * register the column it writes in its module's {@link EncryptedColumns}, then name it here (with no column if
     * what it seals is never stored).
     */
    private static final Map<String, Set<String>> JDBC_WRITERS = Map.of(
            "com.waymark.checkin.PastEntries", Set.of("check_in.reflection", "action_item.text"),
            // The check-in turn's one plain insert.
            "com.waymark.checkin.CheckInService", Set.of("check_in.reflection"),
            "com.waymark.insight.VectorCipher", Set.of("reflection_embedding.vector"),
            "com.waymark.insight.EmbeddingStore", Set.of("reflection_embedding.vector"),
            "com.waymark.insight.ThemeResults", Set.of("theme_result.themes"),
            "com.waymark.question.CohortQuestions", Set.of("cohort_question.question"),
            "com.waymark.bench.GrowthBench", Set.of("check_in.reflection", "reflection_embedding.vector"),
            "com.waymark.bench.EmbedBench", Set.of("reflection_embedding.vector"),
            "com.waymark.evaluation.EvaluationService",
            Set.of("evaluation_response.most_useful", "evaluation_response.would_change"),
            // Seals the ids in cards' submit data under a derived key; nothing it seals is stored.
            "com.waymark.teams.CardIds", Set.of());

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.waymark");

    @Autowired
    EntityManagerFactory entityManagers;
    @Autowired
    KeyRotation rotation;
    @Autowired
    JdbcTemplate db;

    @Test
    void everyAttributeConvertedByEncryptedTextIsRegistered() {
        Set<String> converted = new TreeSet<>();
        entityManagers.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(entity ->
                entity.forEachAttributeMapping(attribute -> {
                    if (attribute instanceof BasicValuedModelPart basic
                            && basic.getJdbcMapping().getValueConverter() instanceof JpaAttributeConverter<?, ?> converter
                            && converter.getConverterJavaType().getJavaTypeClass() == EncryptedText.class) {
                        converted.add(basic.getContainingTableExpression() + "." + basic.getSelectionExpression());
                    }
                }));
        assertThat(converted).as("the scan finds the converter").contains("check_in.reflection", "action_item.text",
                "action_item.blocker", "theme_feedback.example", "pairing_follow_up.one_thing");
        assertThat(registered()).as("encrypted by EncryptedText, so re-encrypted and checked with the rest")
                .containsAll(converted);
    }

    @Test
    void everyClassThatEncryptsWithJdbcWritesOnlyRegisteredColumns() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (JavaClass type : MAIN) {
            if (type.getPackageName().equals("com.waymark.privacy")) {
                continue;
            }
            for (JavaCodeUnitAccess<?> access : type.getAccessesFromSelf().stream()
                    .filter(JavaCodeUnitAccess.class::isInstance).map(a -> (JavaCodeUnitAccess<?>) a).toList()) {
                String owner = access.getTargetOwner().getName();
                String method = access.getName();
                boolean encrypts = owner.equals(FieldCipher.class.getName()) && Set.of("encrypt", "seal").contains(method)
                        || owner.equals("com.waymark.insight.VectorCipher") && method.equals("seal");
                if (encrypts) {
                    String outer = type.getName().replaceAll("\\$.*", "");
                    found.computeIfAbsent(outer, k -> new TreeSet<>()).add(type.getSimpleName() + "." + method);
                }
            }
        }
        assertThat(found.keySet()).as("classes that encrypt with FieldCipher outside privacy: each must be named in "
                + "JDBC_WRITERS with the columns it writes, and those columns registered").isEqualTo(JDBC_WRITERS.keySet());
        JDBC_WRITERS.forEach((writer, columns) -> assertThat(registered()).as(writer + " writes").containsAll(columns));
    }

    @Test
    void everyRegisteredColumnExistsInTheSchema() {
        for (EncryptedColumn column : rotation.columns()) {
            assertThat(db.queryForObject("select count(*) from information_schema.columns where lower(table_name) = ? "
                    + "and lower(column_name) in (?, ?)", Integer.class, column.table(), column.column(), column.key()))
                    .as(column.qualified()).isEqualTo(2);
        }
    }

    private Set<String> registered() {
        Set<String> names = new TreeSet<>();
        rotation.columns().forEach(column -> names.add(column.qualified()));
        return names;
    }
}
