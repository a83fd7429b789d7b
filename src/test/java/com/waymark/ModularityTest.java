package com.waymark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the module map of docs/architecture.md true. */
class ModularityTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.waymark");

    @Test
    void modulesHaveNoCyclesAndRespectEachOthersInternals() {
        ApplicationModules.of(WaymarkApplication.class).verify();
    }

    /** May use anything: the runnable jar's subcommands (docs/architecture.md). */
    private static final Set<String> FREE = Set.of("bench");

    /**
     * The entities other modules still use, each with the modules that do and why. Nothing else crosses: no module
     * touches another's repository at all, and every other entity is package-private. Each entry is checked to be still
     * needed ({@link #everyListedExceptionIsStillNeeded}), so the list can only shrink.
     */
    private static final Map<String, Set<String>> ENTITIES_OTHERS_USE = Map.ofEntries(
            // Only the edge still holds programme's entities: its slices and cards call the services that return them
            // (ProgrammeService.create/update/coached/currentCoached/use/programmesOf/overview/staffCandidates,
            // ParticipantService.recognise) and render the Participant a turn carries. Every other module reads
            // records (Programmes, ProgrammeInfo, ParticipantInfo, MembershipInfo, GroupInfo).
            Map.entry("com.waymark.programme.Programme", Set.of("teams")),
            Map.entry("com.waymark.programme.Participant", Set.of("teams")));

    /** Tables without an entity, and their module (those with one belong to the entity's module). */
    private static final Map<String, String> TABLES_WITHOUT_ENTITY = Map.of(
            "reflection_embedding", "insight", "theme_result", "insight", "digest_question", "insight",
            "processed_activity", "teams", "audit_subject", "privacy", "release_contributor", "privacy",
            "release_contributor_set", "privacy", "released_figure", "privacy");

    @Test
    void noModuleTouchesAnotherModulesRepositoryOrUnlistedEntity() {
        classes().should(ModuleInsides.keepToTheirOwnPersistence("com.waymark", FREE, ENTITIES_OTHERS_USE))
                .because("each module owns its entities and repositories behind a small public API")
                .check(MAIN);
    }

    @Test
    void everyListedExceptionIsStillNeeded() {
        Set<String> used = new TreeSet<>();
        ModuleInsides.crossings(MAIN, "com.waymark", FREE).forEach(c -> used.add(c.target() + " <- " + c.fromModule()));
        Set<String> listed = new TreeSet<>();
        ENTITIES_OTHERS_USE.forEach((entity, modules) -> modules.forEach(m -> listed.add(entity + " <- " + m)));
        assertThat(used).as("an exception no longer needed comes off the list").containsAll(listed);
    }

    @Test
    void entitiesAndRepositoriesNoOtherModuleUsesArePackagePrivate() {
        Set<String> publicInsides = new TreeSet<>();
        for (JavaClass type : MAIN) {
            boolean entity = type.isAnnotatedWith(Entity.class) && !ENTITIES_OTHERS_USE.containsKey(type.getName());
            boolean repository = type.isInterface()
                    && type.isAssignableTo(org.springframework.data.repository.Repository.class);
            if ((entity || repository) && type.getModifiers().contains(JavaModifier.PUBLIC)) {
                publicInsides.add(type.getName());
            }
        }
        assertThat(publicInsides).as("entities and repositories are a module's insides").isEmpty();
        assertThat(ENTITIES_OTHERS_USE.keySet()).allSatisfy(name -> assertThat(MAIN.get(name)
                .isAnnotatedWith(Entity.class)).as(name + " is an entity").isTrue());
    }

    @Test
    void noModulesSqlNamesAnotherModulesTable() {
        Map<String, String> owners = new HashMap<>(TABLES_WITHOUT_ENTITY);
        for (JavaClass entity : MAIN) {
            if (entity.isAnnotatedWith(Entity.class) && entity.isAnnotatedWith(Table.class)) {
                owners.put(entity.getAnnotationOfType(Table.class).name(), ModuleInsides.module("com.waymark", entity));
            }
        }
        Set<String> tables = ModuleInsides.tablesCreated(Path.of("src/main/resources/db/migration"));
        assertThat(tables).as("the migrations were found").contains("check_in", "participant", "outbox_message");
        List<String> foreign = ModuleInsides.foreignTables(
                ModuleInsides.tablesNamedByModule(Path.of("src/main/java/com/waymark"), FREE), tables, owners);
        assertThat(foreign).as("a module asks the owner's public API instead of reading its table").isEmpty();
    }

    @Test
    void onlyTheTeamsEdgeTouchesTheBotFrameworkSdk() {
        noClasses().that().resideOutsideOfPackages("com.waymark.teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.bot..")
                .because("the SDK is no longer developed upstream; it stays behind our thin adapter")
                .check(MAIN);
    }

    @Test
    void theDomainNeverReadsTheWallClock() {
        noClasses().that().resideOutsideOfPackages("com.waymark.bench..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("time comes from the injected Clock, so tests can move it")
                .check(MAIN);
    }

    @Test
    void privacyDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("com.waymark.privacy..")
                .should().dependOnClassesThat().resideInAnyPackage("com.waymark.programme..", "com.waymark.checkin..",
                        "com.waymark.teams..", "com.waymark.demo..")
                .check(MAIN);
    }

    @Test
    void checkInsAndCareDependOnlyOnPrivacy() {
        noClasses().that().resideInAPackage("com.waymark.checkin..")
                .should().dependOnClassesThat().resideInAnyPackage("com.waymark.programme..", "com.waymark.care..",
                        "com.waymark.teams..", "com.waymark.demo..")
                .check(MAIN);
        noClasses().that().resideInAPackage("com.waymark.care..")
                .should().dependOnClassesThat().resideInAnyPackage("com.waymark.programme..", "com.waymark.checkin..",
                        "com.waymark.teams..", "com.waymark.demo..")
                .check(MAIN);
    }
}
