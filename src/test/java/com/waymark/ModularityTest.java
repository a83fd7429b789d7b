package com.waymark;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the module map of docs/architecture.md true. */
class ModularityTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.waymark");

    @Test
    void modulesHaveNoCyclesAndRespectEachOthersInternals() {
        ApplicationModules.of(WaymarkApplication.class).verify();
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
