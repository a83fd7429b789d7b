package com.waymark.teams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.privacy.DataRightsService;
import com.waymark.support.OneDriveStub;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.Answer;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "my data" and "export" as files, driven the way Teams drives them: the message arrives from Teams' own connector
 * (an HTTPS serviceUrl, here one that resolves nowhere, answered through expectReplies), the file consent card is
 * offered, and Allow or Decline comes back as Teams' {@code fileConsent/invoke}, whose replies go to the connector
 * stub while the file goes to a stand-in for the OneDrive upload session on this machine.
 */
class FileConsentTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where Teams' replies would go: HTTPS on the internet. {@code .invalid} never resolves, so nothing leaves. */
    private static final String TEAMS_SERVICE = "https://smba.trafficmanager.invalid/emea/";
    private static final String NAME = "Marigold Quillfeather";
    private static final String ACTION = "Walk the periwinkle ward with the night sister";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    DataRightsService dataRights;
    @Autowired
    CardIds cardIds;

    TeamsClient inTeams;
    TeamsClient connector;
    OneDriveStub oneDrive;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void start() throws IOException {
        inTeams = new TeamsClient(port, TEAMS_SERVICE);
        connector = new TeamsClient(port, CONNECTOR.serviceUrl());
        oneDrive = OneDriveStub.start();
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        oneDrive.close();
    }

    @Test
    void myDataIsOfferedAsAFileAndAllowUploadsExactlyTheDataAsItIsThen() throws IOException {
        User person = agreed(User.fresh(NAME));
        List<JsonNode> offered = inTeams.expectReplies(inTeams.message(person, "my data")).replies();

        assertThat(offered).hasSize(2);
        String fileName = "waymark-my-data-" + LocalDate.now(ZoneId.of("Europe/London")) + ".json";
        assertThat(offered.get(0).toString()).contains("Everything Waymark stores about you")
                .contains("choose Allow on the next card").contains(fileName);
        JsonNode consent = offered.get(1).path("attachments").path(0);
        assertThat(consent.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.consent");
        assertThat(consent.path("name").asText()).isEqualTo(fileName);
        assertThat(consent.path("content").path("sizeInBytes").asLong()).isPositive();
        JsonNode context = consent.path("content").path("acceptContext");
        assertThat(context.path(FileOffers.CONTEXT_KEY).asText()).isNotBlank();

        // Between the offer and Allow the person adds an action: the file holds what is stored when they accept.
        inTeams.expectReplies(inTeams.message(person, "add action " + ACTION));
        CONNECTOR.reset();
        Answer answer = connector.post(consentInvoke(person, "accept", context, fileName));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(oneDrive.uploads()).hasSize(1);
        OneDriveStub.Upload upload = oneDrive.uploads().get(0);
        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(upload.path()).isEqualTo("/upload/session-1");
        assertThat(upload.contentRange()).isEqualTo("bytes 0-" + (upload.body().length - 1) + "/" + upload.body().length);
        JsonNode file = JSON.readTree(upload.body());
        ObjectNode now = dataRights.export(idOf(person)).document();
        now.remove("exportedAt");
        ((ObjectNode) file).remove("exportedAt");
        assertThat(file).isEqualTo(now);
        assertThat(file.path("actions").toString()).contains(ACTION);

        List<JsonNode> sent = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                a -> a.path("conversation").path("id").asText().equals(person.conversationId()));
        assertThat(sent).hasSize(1);
        JsonNode info = sent.get(0).path("attachments").path(0);
        assertThat(info.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.info");
        assertThat(info.path("name").asText()).isEqualTo(fileName);
        assertThat(info.path("contentUrl").asText()).isEqualTo("https://contoso-my.sharepoint.com/personal/" + fileName);
        assertThat(info.path("content").path("uniqueId").asText()).isEqualTo("1150D938-8870-4044-9F2C-5BBDEBA70C8C");
        assertThat(info.path("content").path("fileType").asText()).isEqualTo("json");
        assertThat(sent.get(0).path("text").asText()).isEqualTo(FileOffers.SAVED);

        assertNothingPersonalLogged(person);
    }

    @Test
    void declineIsAnsweredKindlyAndUploadsNothing() {
        User person = agreed(User.fresh("Decline " + UUID.randomUUID().toString().substring(0, 4)));
        JsonNode context = offer(person, "my data");
        CONNECTOR.reset();

        assertThat(connector.post(consentInvoke(person, "decline", context, "x.json")).status()).isEqualTo(200);

        assertThat(oneDrive.uploads()).isEmpty();
        assertThat(sentTo(person)).containsExactly(FileOffers.DECLINED_MY_DATA);
    }

    @Test
    void someoneElseAcceptingIsRefusedAndNothingIsMade() {
        User person = agreed(User.fresh("Owner " + UUID.randomUUID().toString().substring(0, 4)));
        User other = agreed(User.fresh("Other " + UUID.randomUUID().toString().substring(0, 4)));
        JsonNode context = offer(person, "my data");
        CONNECTOR.reset();

        assertThat(connector.post(consentInvoke(other, "accept", context, "x.json")).status()).isEqualTo(200);

        assertThat(oneDrive.uploads()).isEmpty();
        assertThat(sentTo(other)).containsExactly(FileOffers.NOT_FOR_YOU);
    }

    @Test
    void aForgedOrStaleContextIsRefusedKindly() {
        User person = agreed(User.fresh("Stale " + UUID.randomUUID().toString().substring(0, 4)));
        long id = idOf(person);
        CONNECTOR.reset();

        JsonNode forged = JSON.createObjectNode().put(FileOffers.CONTEXT_KEY, "bm90IG91cnM");
        assertThat(connector.post(consentInvoke(person, "accept", forged, "x.json")).status()).isEqualTo(200);
        JsonNode none = JSON.createObjectNode();
        assertThat(connector.post(consentInvoke(person, "accept", none, "x.json")).status()).isEqualTo(200);
        long dayAndAMinuteAgo = Instant.now().minus(FileOffers.VALID_FOR).minusSeconds(60).getEpochSecond();
        JsonNode stale = JSON.createObjectNode().put(FileOffers.CONTEXT_KEY,
                cardIds.sealValue(CardIds.Kind.FILE, id, dayAndAMinuteAgo + "|my-data"));
        assertThat(connector.post(consentInvoke(person, "accept", stale, "x.json")).status()).isEqualTo(200);
        JsonNode export = JSON.createObjectNode().put(FileOffers.CONTEXT_KEY,
                cardIds.sealValue(CardIds.Kind.FILE, id, dayAndAMinuteAgo + "|export|1|0||"));
        assertThat(connector.post(consentInvoke(person, "accept", export, "x.csv")).status()).isEqualTo(200);
        // A Teams answer we don't know is a bad request, as the SDK's own handler makes it.
        assertThat(connector.post(consentInvoke(person, "maybe", stale, "x.json")).status()).isEqualTo(400);

        assertThat(oneDrive.uploads()).isEmpty();
        assertThat(sentTo(person)).containsExactly(FileOffers.NOT_FOR_YOU, FileOffers.NOT_FOR_YOU,
                FileOffers.EXPIRED_MY_DATA, FileOffers.EXPIRED_EXPORT);
    }

    @Test
    void aStoreThatFailsGetsAKindAnswer() {
        User person = agreed(User.fresh("Failing " + UUID.randomUUID().toString().substring(0, 4)));
        JsonNode context = offer(person, "my data");
        oneDrive.answerWith(503);
        CONNECTOR.reset();

        assertThat(connector.post(consentInvoke(person, "accept", context, "x.json")).status()).isEqualTo(200);

        assertThat(oneDrive.uploads()).hasSize(1);
        assertThat(sentTo(person)).containsExactly(FileOffers.UPLOAD_FAILED);
        ObjectNode toElsewhere = consentInvoke(person, "accept", context, "x.json");
        ((ObjectNode) toElsewhere.path("value").path("uploadInfo")).put("uploadUrl", "http://example.invalid/upload");
        CONNECTOR.reset();
        connector.post(toElsewhere);
        assertThat(oneDrive.uploads()).as("plain HTTP only to this machine").hasSize(1);
        assertThat(sentTo(person)).containsExactly(FileOffers.UPLOAD_FAILED);
    }

    @Test
    void aCoachsExportIsMadeForTheProgrammeOfferedOnlyForThatCoachAndAudited() {
        User coach = agreed(User.fresh("Coach " + UUID.randomUUID().toString().substring(0, 4)));
        String name = "Files " + UUID.randomUUID().toString().substring(0, 6);
        inTeams.expectReplies(inTeams.message(coach, "create programme " + name));
        long programmeId = db.queryForObject("select id from programme where name = ?", Long.class, name);
        String code = db.queryForObject("select join_code from programme where id = ?", String.class, programmeId);
        for (int i = 0; i < 5; i++) {
            User person = agreed(User.fresh("Leader " + i + " " + UUID.randomUUID().toString().substring(0, 4)));
            inTeams.expectReplies(inTeams.message(person, "join " + code));
            // Ratings without a reflection: no theme model to wait for on a busy machine.
            assertThat(inTeams.expectReplies(inTeams.cardSubmit(person, JSON.createObjectNode().put("action", "checkin")
                    .put("wellbeing", "4").put("energy", "2").put("reflection", "").put("quoteOk", "false")))
                    .replies().toString()).contains("Saved");
        }
        int auditedBefore = exportsAudited(programmeId);

        List<JsonNode> offered = inTeams.expectReplies(inTeams.message(coach, "export")).replies();
        assertThat(offered).hasSize(2);
        assertThat(offered.get(0).toString()).contains("Export (team-level figures, CSV)").contains("choose Allow")
                .doesNotContain("programme,period_from");
        JsonNode consent = offered.get(1).path("attachments").path(0);
        assertThat(consent.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.consent");
        assertThat(consent.path("name").asText()).endsWith(".csv");
        JsonNode context = consent.path("content").path("acceptContext");
        assertThat(exportsAudited(programmeId)).isEqualTo(auditedBefore + 1);

        // The coach moves on to another programme before accepting: the file is still of the one offered.
        inTeams.expectReplies(inTeams.message(coach, "create programme Other " + name));
        CONNECTOR.reset();
        assertThat(connector.post(consentInvoke(coach, "accept", context, "export.csv")).status()).isEqualTo(200);

        assertThat(oneDrive.uploads()).hasSize(1);
        String csv = new String(oneDrive.body(0), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFprogramme,period_from,period_to,section,figure,value\r\n");
        assertThat(csv.lines().skip(1).toList()).allSatisfy(line -> assertThat(line).startsWith(name + ","));
        assertThat(csv).contains("wellbeing,mean wellbeing (1-5),4.0\r\n").doesNotContain("Leader");
        assertThat(exportsAudited(programmeId)).as("made again, and audited, when accepted").isEqualTo(auditedBefore + 2);
        assertThat(sentTo(coach)).containsExactly(FileOffers.SAVED);

        // The same context from anyone else, even a coach, makes nothing.
        User otherCoach = agreed(User.fresh("Other coach " + UUID.randomUUID().toString().substring(0, 4)));
        inTeams.expectReplies(inTeams.message(otherCoach, "create programme Third " + name));
        CONNECTOR.reset();
        connector.post(consentInvoke(otherCoach, "accept", context, "export.csv"));
        assertThat(sentTo(otherCoach)).containsExactly(FileOffers.NOT_FOR_YOU);

        // A context for a programme the coach doesn't coach (sealed by us for them, say before they left it).
        long notTheirs = db.queryForObject("select id from programme where name = ?", Long.class, "Third " + name);
        JsonNode elsewhere = JSON.createObjectNode().put(FileOffers.CONTEXT_KEY, cardIds.sealValue(CardIds.Kind.FILE,
                idOf(coach), Instant.now().getEpochSecond() + "|export|" + notTheirs + "|0||"));
        CONNECTOR.reset();
        connector.post(consentInvoke(coach, "accept", elsewhere, "export.csv"));
        assertThat(oneDrive.uploads()).as("nothing more uploaded").hasSize(1);
        assertThat(sentTo(coach)).hasSize(1).allSatisfy(text -> assertThat(text).isNotEqualTo(FileOffers.SAVED)
                .containsIgnoringCase("coach"));
        assertThat(exportsAudited(notTheirs)).isZero();
    }

    @Test
    void outsideTeamsOwnChatTheFilesAreShownAsCodeBlocks() {
        User person = agreed(User.fresh("Playground " + UUID.randomUUID().toString().substring(0, 4)));
        // The Agents Playground says msteams too, but its connector is on this machine.
        List<JsonNode> replies = connector.expectReplies(connector.message(person, "my data")).replies();
        assertThat(replies.toString()).doesNotContain("file.consent").doesNotContain("application/json");
        assertThat(replies.get(1).path("text").asText()).startsWith("Your data export, to keep as waymark-my-data-")
                .contains("```json\n{");
        assertThat(replies.get(1).path("textFormat").asText()).isEqualTo("markdown");
    }

    // ---- helpers ----

    private User agreed(User user) {
        inTeams.expectReplies(inTeams.install(user));
        inTeams.expectReplies(inTeams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
        return user;
    }

    private JsonNode offer(User person, String said) {
        List<JsonNode> offered = inTeams.expectReplies(inTeams.message(person, said)).replies();
        return offered.get(offered.size() - 1).path("attachments").path(0).path("content").path("acceptContext");
    }

    private ObjectNode consentInvoke(User user, String action, JsonNode context, String fileName) {
        return oneDrive.consent(connector, user, action, context, fileName);
    }

    private List<String> sentTo(User user) {
        return OneDriveStub.sentTo(CONNECTOR, user);
    }

    private long idOf(User user) {
        return db.queryForObject("select id from participant where identity_key = ?", Long.class,
                "aad:" + user.aadObjectId());
    }

    private int exportsAudited(long programmeId) {
        return db.queryForObject("select count(*) from audit_event where programme_id = ? and kind = 'EXPORT'",
                Integer.class, programmeId);
    }

    private void assertNothingPersonalLogged(User person) {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
            }
        }
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("Marigold").doesNotContain("Quillfeather")
                .doesNotContain("periwinkle").doesNotContain("/upload/session-1").doesNotContain(person.aadObjectId()));
    }
}
