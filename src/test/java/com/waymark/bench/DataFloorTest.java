package com.waymark.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.waymark.support.Scratch;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import com.waymark.teams.EchoBotServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code startup-bench --floor true} measures the echo bot with Waymark's data layer: that layer must be Waymark's own
 * (every migration, every repository), or the floor would be lower than the one Waymark stands on.
 */
class DataFloorTest extends WaymarkIntegrationTest {

    private static final String APPLIED =
            "select \"version\" from \"flyway_schema_history\" where \"success\" order by \"installed_rank\"";

    @Autowired
    ApplicationContext waymark;
    @Autowired
    JdbcTemplate waymarkDb;

    @Test
    void theEchoBotWithTheDataLayerHasWaymarksMigrationsAndRepositoriesAndStillEchoes() {
        Path dir = Scratch.dir("waymark-floor-test-");
        List<String> migrations;
        try (EchoBotServer floor = EchoBotServer.start(List.of(DataFloor.class), floorArguments(dir))) {
            TeamsClient teams = new TeamsClient(floor.port(), CONNECTOR.serviceUrl());
            TeamsClient.Answer answer = teams.expectReplies(teams.message(User.fresh("Floor Tester"), "hello"));
            assertThat(answer.replies()).singleElement()
                    .satisfies(reply -> assertThat(reply.path("text").asText()).isEqualTo("Echo: hello"));
            assertThat(floor.beansOfType(Repository.class).keySet())
                    .containsExactlyInAnyOrderElementsOf(waymark.getBeansOfType(Repository.class).keySet());
        }
        try (SingleConnectionDataSource db = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dir.resolve("waymark"), "sa", "", true)) {
            migrations = new JdbcTemplate(db).queryForList(APPLIED, String.class);
        }
        assertThat(migrations).isNotEmpty().isEqualTo(waymarkDb.queryForList(APPLIED, String.class));
    }

    @Test
    void theDataLayersSettingsAreWaymarksOwn() {
        // DataFloor repeats application.yml's data settings (the echo bot reads no application.yml): they must not drift.
        Path dir = Path.of("/tmp/floor-settings");
        for (String argument : DataFloor.arguments(dir)) {
            String name = argument.substring(2, argument.indexOf('='));
            String value = argument.substring(argument.indexOf('=') + 1);
            assertThat(value).as(name).isEqualTo(waymark.getEnvironment().getProperty(name, "")
                    .replace(DATA_DIR.toString(), dir.toString()));
        }
        assertThat(waymark.getEnvironment().getProperty("spring.data.jpa.repositories.bootstrap-mode"))
                .as("DataFloor's @EnableJpaRepositories bootstrap mode").isEqualToIgnoringCase("deferred");
    }

    private static String[] floorArguments(Path dir) {
        List<String> args = new ArrayList<>(DataFloor.arguments(dir));
        args.add("--logging.level.root=WARN");
        return args.toArray(String[]::new);
    }
}
