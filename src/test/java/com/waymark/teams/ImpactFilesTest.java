package com.waymark.teams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.OneDriveStub;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "impact report" in Teams' own 1:1 chat: a card, then the PDF and the CSV offered on file consent cards
 * ({@link FileOffers}), each made, released and audited again when the coach chooses Allow, for the programme offered
 * and only for that coach; Decline saves nothing.
 */
class ImpactFilesTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAMS_SERVICE = "https://smba.trafficmanager.invalid/emea/";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    TeamsClient inTeams;
    TeamsClient connector;
    OneDriveStub oneDrive;

    @BeforeEach
    void start() throws IOException {
        inTeams = new TeamsClient(port, TEAMS_SERVICE);
        connector = new TeamsClient(port, CONNECTOR.serviceUrl());
        oneDrive = OneDriveStub.start();
    }

    @AfterEach
    void stop() {
        oneDrive.close();
    }

    @Test
    void thePdfAndTheCsvAreOfferedAndMadeAgainWhenTheCoachAllows() throws IOException {
        User coach = agreed(User.fresh("Coach " + UUID.randomUUID().toString().substring(0, 4)));
        String name = "Impact files " + UUID.randomUUID().toString().substring(0, 6);
        inTeams.expectReplies(inTeams.message(coach, "create programme " + name));
        long programmeId = db.queryForObject("select id from programme where name = ?", Long.class, name);
        String code = db.queryForObject("select join_code from programme where id = ?", String.class, programmeId);
        for (int i = 0; i < 5; i++) {
            User person = agreed(User.fresh("Leader " + i + " " + UUID.randomUUID().toString().substring(0, 4)));
            inTeams.expectReplies(inTeams.message(person, "join " + code));
            assertThat(inTeams.expectReplies(inTeams.cardSubmit(person, JSON.createObjectNode().put("action", "checkin")
                    .put("wellbeing", "4").put("energy", "2").put("reflection", "").put("quoteOk", "false")))
                    .replies().toString()).contains("Saved");
        }

        List<JsonNode> offered = inTeams.expectReplies(inTeams.message(coach, "impact report")).replies();
        assertThat(offered).hasSize(3);
        assertThat(offered.get(0).toString()).contains("Impact report: " + name).contains("Choose Allow on the next two");
        JsonNode pdfOffer = offered.get(1).path("attachments").path(0);
        JsonNode csvOffer = offered.get(2).path("attachments").path(0);
        assertThat(pdfOffer.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.consent");
        assertThat(pdfOffer.path("name").asText()).startsWith("waymark-impact-report-").endsWith(".pdf");
        assertThat(csvOffer.path("name").asText()).endsWith(".csv");
        assertThat(audited(programmeId)).isEqualTo(1);

        CONNECTOR.reset();
        assertThat(connector.post(consentInvoke(coach, "accept", pdfOffer.path("content").path("acceptContext"),
                "report.pdf")).status()).isEqualTo(200);
        assertThat(oneDrive.uploads()).hasSize(1);
        assertThat(new String(oneDrive.body(0), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(oneDrive.body(0))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(name).contains("Method and confidentiality").contains("Leaders enrolled 5");
        }
        assertThat(sentTo(coach)).containsExactly(FileOffers.SAVED);
        assertThat(audited(programmeId)).as("made again, and audited, when accepted").isEqualTo(2);

        CONNECTOR.reset();
        connector.post(consentInvoke(coach, "accept", csvOffer.path("content").path("acceptContext"), "report.csv"));
        assertThat(new String(oneDrive.body(1), StandardCharsets.UTF_8)).startsWith("\uFEFFsection,figure,value\r\n")
                .contains("Participation,Leaders enrolled,5\r\n");
        assertThat(audited(programmeId)).isEqualTo(3);

        CONNECTOR.reset();
        connector.post(consentInvoke(coach, "decline", csvOffer.path("content").path("declineContext"), "report.csv"));
        assertThat(sentTo(coach)).containsExactly(com.waymark.teams.impact.ImpactFileMaker.DECLINED);

        // Another coach with the same context gets nothing, and nothing is read.
        User other = agreed(User.fresh("Other coach " + UUID.randomUUID().toString().substring(0, 4)));
        inTeams.expectReplies(inTeams.message(other, "create programme Other " + name));
        CONNECTOR.reset();
        connector.post(consentInvoke(other, "accept", pdfOffer.path("content").path("acceptContext"), "report.pdf"));
        assertThat(sentTo(other)).containsExactly(FileOffers.NOT_FOR_YOU);
        assertThat(oneDrive.uploads()).hasSize(2);
        assertThat(audited(programmeId)).isEqualTo(3);
    }

    private User agreed(User user) {
        inTeams.expectReplies(inTeams.install(user));
        inTeams.expectReplies(inTeams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
        return user;
    }

    private ObjectNode consentInvoke(User user, String action, JsonNode context, String fileName) {
        return oneDrive.consent(connector, user, action, context, fileName);
    }

    private List<String> sentTo(User user) {
        return OneDriveStub.sentTo(CONNECTOR, user);
    }

    private int audited(long programmeId) {
        return db.queryForObject("select count(*) from audit_event where programme_id = ? and kind = 'IMPACT_REPORT'",
                Integer.class, programmeId);
    }
}
