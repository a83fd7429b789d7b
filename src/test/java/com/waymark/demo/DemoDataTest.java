package com.waymark.demo;

import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile seeds one realistic programme, once, that the Playground's default user coaches. */
class DemoDataTest {

    @Test
    void seedsOnceAndThePlaygroundUserCoachesIt() throws Exception {
        var dataDir = Files.createTempDirectory("waymark-demo-");
        String[] args = {"--server.port=0", "--waymark.data-dir=" + dataDir, "--spring.profiles.active=demo"};
        try (var context = new SpringApplicationBuilder(com.waymark.WaymarkApplication.class).run(args)) {
            JdbcTemplate db = context.getBean(JdbcTemplate.class);
            assertThat(db.queryForObject("select count(*) from membership", Integer.class)).isEqualTo(12);
            assertThat(db.queryForObject("select count(distinct organisation) from membership", Integer.class)).isEqualTo(3);
            assertThat(db.queryForObject("select count(*) from programme_group", Integer.class)).isEqualTo(3);
            assertThat(db.queryForObject("select count(*) from check_in", Integer.class)).isBetween(40, 72);
            assertThat(db.queryForObject("select count(*) from action_item", Integer.class)).isGreaterThanOrEqualTo(24);

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            TeamsClient teams = new TeamsClient(port, "http://127.0.0.1:9/");
            User playground = new User("user-id-0", "00000000-0000-0000-0000-0000000000020", "Alex Wilber", "UTC");
            var message = teams.message(playground, "programme");
            message.with("conversation").put("tenantId", "00000000-0000-0000-0000-0000000000001");
            JsonNode card = teams.expectReplies(message).replies().get(0).path("attachments").path(0).path("content");
            assertThat(card.toString()).contains(DemoData.PROGRAMME).contains("12 taking part, 12 agreed");

            // The coach is staff, so not counted: participation and wellbeing agree on the same twelve leaders.
            var summary = teams.message(playground, "summary");
            summary.with("conversation").put("tenantId", "00000000-0000-0000-0000-0000000000001");
            JsonNode figures = teams.expectReplies(summary).replies().get(0).path("attachments").path(0).path("content");
            java.util.Map<String, String> facts = new java.util.HashMap<>();
            figures.findValues("facts").forEach(list -> list.forEach(f -> facts.put(f.path("title").asText(),
                    f.path("value").asText())));
            assertThat(facts).containsEntry("People enrolled", "12")
                    .containsEntry("Checked in", facts.get("People") + " of 12 ("
                            + Math.round(100f * Integer.parseInt(facts.get("People")) / 12) + "%)");
        }
        try (var again = new SpringApplicationBuilder(com.waymark.WaymarkApplication.class).run(args)) {
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("select count(*) from programme", Integer.class))
                    .isEqualTo(1);
        }
    }
}
