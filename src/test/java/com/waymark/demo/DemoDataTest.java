package com.waymark.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.CardSchema;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile seeds one realistic programme, once, that the Playground's default user coaches: seeded before
 * anything can reach it, in groups big enough to show, with peer coaching a coach can see and run, and a greeting.
 */
class DemoDataTest {

    static final String TENANT = "00000000-0000-0000-0000-0000000000001";
    static final User COACH = new User("user-id-0", "00000000-0000-0000-0000-0000000000020", "Alex Wilber", "UTC");

    @Test
    void seedsOnceBeforeAnythingCanReachItAndTheCoachCanTryEverything() throws Exception {
        var dataDir = Files.createTempDirectory("waymark-demo-");
        String[] args = {"--server.port=0", "--management.server.port=0", "--waymark.data-dir=" + dataDir,
                "--spring.profiles.active=demo"};
        Map<String, Integer> seenAt = new ConcurrentHashMap<>();
        ApplicationListener<ApplicationEvent> watch = event -> {
            if (event instanceof WebServerInitializedEvent web) {
                seenAt.put(web.getApplicationContext().getServerNamespace() == null ? "bot port"
                        : web.getApplicationContext().getServerNamespace() + " port", programmes(web.getApplicationContext()));
                seenAt.put("port " + web.getApplicationContext().getServerNamespace(), web.getWebServer().getPort());
            } else if (event instanceof AvailabilityChangeEvent<?> change
                    && change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                seenAt.put("ready", programmes((ApplicationContext) change.getSource()));
            }
        };
        try (var stub = new ConnectorStub();
             var context = new SpringApplicationBuilder(com.waymark.WaymarkApplication.class).listeners(watch).run(args)) {
            // Seeded before the bot's port, the management port and readiness: nothing sees the demo half made.
            assertThat(seenAt).containsEntry("bot port", 1).containsEntry("management port", 1).containsEntry("ready", 1);
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + seenAt.get("port management") + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");

            JdbcTemplate db = context.getBean(JdbcTemplate.class);
            assertThat(db.queryForObject("select count(*) from membership", Integer.class)).isEqualTo(18);
            assertThat(db.queryForObject("select count(distinct organisation) from membership", Integer.class)).isEqualTo(3);
            assertThat(db.queryForList("select count(*) from membership group by group_id", Integer.class))
                    .as("three groups of six: above the threshold of five even with one person missing")
                    .containsExactly(6, 6, 6);
            assertThat(db.queryForObject("select count(*) from check_in", Integer.class)).isBetween(80, 108);
            assertThat(db.queryForObject("select count(*) from action_item", Integer.class)).isGreaterThanOrEqualTo(36);
            assertThat(db.queryForObject("select count(*) from pairing_round", Integer.class)).isEqualTo(3);
            assertThat(db.queryForObject("select count(*) from outbox_message", Integer.class))
                    .as("history: nothing queued for anyone").isZero();

            TeamsClient teams = new TeamsClient(((WebServerApplicationContext) context).getWebServer().getPort(),
                    stub.serviceUrl());
            // Opening the chat, as the Playground does: install and "bot added" at once. One greeting, with what to try.
            List<JsonNode> greeting = new java.util.ArrayList<>(teams.expectReplies(playground(teams.install(COACH))).replies());
            greeting.addAll(teams.expectReplies(playground(teams.botAddedPersonal(COACH))).replies());
            assertThat(greeting).hasSize(1);
            CardSchema.assertCardsValid(greeting.get(0));
            String welcome = greeting.get(0).toString();
            assertThat(welcome).contains("Welcome to the Waymark demo")
                    .contains("You coach \\\"" + DemoData.PROGRAMME + "\\\": 18 leaders from 3 organisations in 3 groups, "
                            + "with 6 weeks of check-ins and action plans and 3 rounds of peer coaching behind them.")
                    .contains("**summary**").contains("**themes**").contains("**wellbeing team System leadership board**")
                    .contains("every figure combines at least 5 people").contains("**pairs**").contains("**pair now**")
                    .containsPattern("\\*\\*next session 20\\d\\d-\\d\\d-\\d\\d \\d\\d:00\\*\\*")
                    .contains("5 of the leaders (Megan Bowen, Adele Vance, Isaiah Langer, Patti Fernandez, Lynne Robbins)")
                    .contains("The other 13 have no chat to reach").doesNotContain("I agree");

            // The Playground's own people get their chats through its connector, so they can be paired and nudged.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (reachable(db) < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(reachable(db)).isEqualTo(5);

            for (String group : List.of("System leadership board", "East place partnership", "Action learning set")) {
                assertThat(facts(teams, "wellbeing team " + group)).as(group + " shows").containsKey("Mean wellbeing (1–5)")
                        .doesNotContainValue("hidden");
            }

            Map<String, String> pairs = facts(teams, "pairs");
            assertThat(pairs).containsEntry("Rounds run", "3");
            assertThat(pairs.get("Pairs and trios that met")).as(pairs.toString())
                    .matches("\\d+ of the \\d+ that answered the follow-up \\(\\d+%\\)");
            // Nearly everyone has met another role and organisation: a share that near all would give the few away.
            assertThat(pairs).containsEntry("Cross-role pairs", "hidden: too few on one side to show without giving "
                    + "answers away");

            // Two past sessions, most leaders answering each after-session card: the coach sees each one's pulse and
            // commitments, released under the policy, and the trend between them.
            String sessions = teams.expectReplies(playground(teams.message(COACH, "session pulse"))).replies().get(0)
                    .path("attachments").path(0).path("content").toString();
            assertThat(sessions).contains("Sessions: pulse and commitments").doesNotContain("hidden (fewer");
            assertThat(sessions.split("\"Pulse answers\"", -1)).as(sessions).hasSize(3);
            assertThat(sessions.split("\"Commitments made\"", -1)).hasSize(3);
            assertThat(sessions).as("sessions on a working day").contains("Tuesday")
                    .contains("(a count is hidden where it could point to someone)");

            String pairNow = text(teams, "pair now");
            assertThat(pairNow).contains("Round 4 of 6").contains("1 pair and 1 trio formed")
                    .contains("13 people who agreed have no 1:1 chat with me yet, so I can't reach them");
            assertThat(stub.awaitSent(5, Duration.ofSeconds(30), a -> a.path("conversation").path("id").asText()
                    .length() > 0 && a.toString().contains("pairing:"))).hasSize(5);
            assertThat(facts(teams, "pairs")).containsEntry("Rounds run", "4");

            // Participation and wellbeing agree on the same leaders: the coach is staff, so not counted. (Not "summary",
            // whose themes can take longer than the client waits on a busy machine; the e2e scenario reads it.)
            String people = facts(teams, "wellbeing").get("People");
            assertThat(facts(teams, "participation")).containsEntry("People enrolled", "18")
                    .containsEntry("Checked in", people + " of 18 (" + Math.round(100f * Integer.parseInt(people) / 18)
                            + "%)");
        }
        // Started again, the demo finds its programme and seeds nothing. DemoData is a lifecycle bean that runs with or
        // without the web servers, so this start goes without them.
        try (var again = new SpringApplicationBuilder(com.waymark.WaymarkApplication.class)
                .web(WebApplicationType.NONE).run(args)) {
            JdbcTemplate db = again.getBean(JdbcTemplate.class);
            assertThat(db.queryForObject("select count(*) from programme", Integer.class)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from membership", Integer.class)).isEqualTo(18);
        }
    }

    /** A later plain start never finds the demo's made-up people: the demo keeps a database of its own. */
    @Test
    void theDemoKeepsItsOwnDataFolder() throws Exception {
        var demo = new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yml")).get(0);
        var plain = new YamlPropertySourceLoader().load("plain", new ClassPathResource("application.yml")).get(0);
        assertThat(demo.getProperty("waymark.data-dir")).isEqualTo("./data/demo");
        assertThat(plain.getProperty("waymark.data-dir")).isEqualTo("./data");
        assertThat(plain.getProperty("spring.datasource.url").toString()).contains("${waymark.data-dir}/waymark");
    }

    private static int programmes(ApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from programme where name = ?",
                Integer.class, DemoData.PROGRAMME);
    }

    private static int reachable(JdbcTemplate db) {
        return db.queryForObject("select count(*) from participant where conversation_reference is not null "
                + "and teams_user_id like 'user-id-_' and teams_user_id <> 'user-id-0'", Integer.class);
    }

    /** As the Playground sends it: its own tenant. */
    private static ObjectNode playground(ObjectNode activity) {
        activity.with("conversation").put("tenantId", TENANT);
        activity.with("channelData").with("tenant").put("id", TENANT);
        return activity;
    }

    private static Map<String, String> facts(TeamsClient teams, String text) {
        JsonNode card = teams.expectReplies(playground(teams.message(COACH, text))).replies().get(0)
                .path("attachments").path(0).path("content");
        Map<String, String> facts = new HashMap<>();
        card.findValues("facts").forEach(list -> list.forEach(f -> facts.put(f.path("title").asText(),
                f.path("value").asText())));
        return facts;
    }

    private static String text(TeamsClient teams, String text) {
        return String.join("\n", teams.expectReplies(playground(teams.message(COACH, text))).replies().stream()
                .map(r -> r.path("text").asText("")).toList());
    }
}
