package com.waymark.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.Scratch;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import com.waymark.outbox.DeliveryWorker;

/**
 * An organisation that replaces {@code waymark.support.resources}: the coach asked to call is told the help the
 * person was actually shown, not a fixed list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "waymark.support.resources[0].name=Trust wellbeing hub",
        "waymark.support.resources[0].contact=Extension 4455",
        "waymark.support.resources[1].name=Staff counselling line",
        "waymark.support.resources[1].contact=0800 000 0000"})
class CoachCallResourcesTest {

    static final ConnectorStub CONNECTOR = Scratch.connector();

    /**
     * A database, connector and scheduler of its own (not {@code WaymarkIntegrationTest}'s): this context's delivery
     * worker must never send the shared context's outbox with this configuration.
     */
    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) throws java.io.IOException {
        var dir = java.nio.file.Files.createTempDirectory("waymark-resources-");
        registry.add("waymark.data-dir", dir::toString);
        registry.add("spring.quartz.scheduler-name", () -> "waymark-resources-" + java.util.UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        CONNECTOR.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CoachCallDelivery delivery;
    @Autowired
    DeliveryWorker worker;

    @Test
    void theCoachIsToldTheHelpThisOrganisationConfigured() {
        Chat chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
        Coach coach = chat.coach("Coach Anouk Berridge").createsUnique("Hotel cohort");
        Person person = chat.person("Kofi Lindqvist").agree().joins(coach);

        String supportCard = person.say("1 1 I can't go on").toString();
        assertThat(supportCard).contains("Trust wellbeing hub").contains("Staff counselling line")
                .doesNotContain("Samaritans");
        person.click("requestCoachCall");
        delivery.deliverPending();
        worker.drainAll();

        JsonNode card = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                a -> a.path("conversation").path("id").asText().equals(coach.conversationId())
                        && a.toString().contains("Please call Kofi")).get(0).path("attachments").path(0)
                .path("content");
        assertThat(card.toString())
                .contains("Their support card lists where to find help: Trust wellbeing hub (Extension 4455), Staff counselling line (0800 000 0000).")
                .doesNotContain("Samaritans").doesNotContain("NHS 111");
    }
}
