package com.waymark;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@link ModularityTest} that give modules insides do fail, on fixtures that break them. */
class ModuleInsidesTest {

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("fixture.insides");

    private static EvaluationResult evaluate(Map<String, Set<String>> allowed) {
        return classes().should(ModuleInsides.keepToTheirOwnPersistence("fixture.insides", Set.of(), allowed))
                .evaluate(FIXTURE);
    }

    @Test
    void injectingAnotherModulesRepositoryFailsEvenWhenItsEntityIsListed() {
        EvaluationResult result = evaluate(Map.of("fixture.insides.owner.Thing", Set.of("other")));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("UsesTheRepository").contains("ThingRepository"))
                .noneSatisfy(line -> assertThat(line).contains("UsesTheEntitysEnum"))
                .noneSatisfy(line -> assertThat(line).contains("UsesTheService"));
    }

    @Test
    void usingAnotherModulesEntityFailsUnlessListedForThatModule() {
        assertThat(evaluate(Map.of()).getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("UsesTheEntitysEnum").contains("Thing$Kind"));
        assertThat(evaluate(Map.of("fixture.insides.owner.Thing", Set.of("somewhere else"))).getFailureReport()
                .getDetails()).anySatisfy(line -> assertThat(line).contains("UsesTheEntitysEnum"));
    }

    @Test
    void aModuleMayUseItsOwnRepositoryAndAnotherModulesService() {
        assertThat(ModuleInsides.crossings(FIXTURE, "fixture.insides", Set.of()))
                .extracting(ModuleInsides.Crossing::target)
                .containsOnly("fixture.insides.owner.ThingRepository", "fixture.insides.owner.Thing");
        assertThat(ModuleInsides.crossings(FIXTURE, "fixture.insides", Set.of("other"))).isEmpty();
    }

    @Test
    void sqlNamingAnotherModulesTableIsFound() {
        String insight = """
                class EmbeddingStore {
                    List<Long> missing() {
                        return jdbc.queryForList("select c.id from check_in c left join reflection_embedding e "
                                + "on e.check_in_id = c.id where e.check_in_id is null", Long.class);
                    }
                }
                """;
        assertThat(ModuleInsides.tablesNamed(insight)).contains("check_in", "reflection_embedding");
        var named = Map.of("check_in", Map.of("insight", Set.of("insight/EmbeddingStore.java"),
                        "checkin", Set.of("checkin/CheckInService.java")),
                "reflection_embedding", Map.of("insight", Set.of("insight/EmbeddingStore.java")));
        List<String> foreign = ModuleInsides.foreignTables(named, Set.of("check_in", "reflection_embedding"),
                Map.of("check_in", "checkin"));
        assertThat(foreign).singleElement().asString().contains("check_in (checkin's) is named in SQL by insight");
    }

    @Test
    void aTableWithNoDeclaredOwnerNamedByTwoModulesIsFound() {
        var named = Map.of("outbox_message", Map.of("outbox", Set.of("outbox/OutboxService.java"),
                "schedule", Set.of("schedule/ScheduleData.java")));
        assertThat(ModuleInsides.foreignTables(named, Set.of("outbox_message"), Map.of())).singleElement().asString()
                .contains("no declared owner");
        assertThat(ModuleInsides.foreignTables(named, Set.of("outbox_message"), Map.of("outbox_message", "outbox")))
                .singleElement().asString().contains("named in SQL by schedule");
    }

    @Test
    void wordsThatAreNotSqlAndJpqlAreNotTables() {
        assertThat(ModuleInsides.tablesNamed("""
                case "join", "join programme" -> join();
                String help = "Update your programme from the card";
                @Query("select m from Membership m where m.participantId = :id")
                """)).as("words that follow a keyword in a sentence are no table of ours (foreignTables keeps only "
                + "tables the migrations create)").doesNotContain("programme", "membership", "Membership");
        assertThat(ModuleInsides.tablesNamed("jdbc.update(\"delete from outbox_message where id = ?\", id);"))
                .containsExactly("outbox_message");
    }
}
