package com.waymark.teams.story;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Person;
import com.waymark.support.Replies;
import com.waymark.support.OneDriveStub;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "my story" as Teams drives it: the card to choose reflections (none chosen until they choose), the PDF offered
 * through the file consent flow and made on Allow, and in the Playground the same story in the chat. Two people who
 * check in side by side: the story holds only its owner's data, and only the reflections they chose.
 */
class LearningStoryTest extends WaymarkIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAMS_SERVICE = "https://smba.trafficmanager.invalid/emea/";
    static final String MINE_CHOSEN = "Saying no to the third steering group gave my deputy room to lead";
    static final String MINE_KEPT = "I am worried about my own sleep this month";
    static final String THEIRS = "My chief operating officer ignored the escalation again";
    static final String MY_ACTION = "Hand the winter plan to my deputy";
    static final String THEIR_ACTION = "Rewrite the theatre rota with the anaesthetists";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    Chat chat;
    TeamsClient inTeams;
    OneDriveStub oneDrive;

    @BeforeEach
    void start() throws IOException {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        inTeams = new TeamsClient(port, TEAMS_SERVICE);
        oneDrive = OneDriveStub.start();
    }

    @AfterEach
    void stop() {
        oneDrive.close();
    }

    void checkIn(Person person, int wellbeing, int energy, String reflection) {
        person.click(JSON.createObjectNode().put("action", "checkin").put("wellbeing", Integer.toString(wellbeing))
                .put("energy", Integer.toString(energy)).put("reflection", reflection).put("quoteOk", "false"));
    }

    Person leader(String name, String chosen, String kept, String action) {
        Person person = chat.person(name).agree();
        checkIn(person, 2, 2, kept);
        checkIn(person, 3, 2, chosen);
        for (int i = 0; i < 5; i++) {
            checkIn(person, 3 + i % 3, 3 + i % 2, "");
        }
        person.say("add action " + action);
        person.say("add action Ask the team what they would stop");
        person.say("done 1");
        return person;
    }

    /** The check-in holding {@code leader}'s second reflection (ciphertext at rest, so found by its order). */
    long secondCheckIn(Person person) {
        return db.queryForList("select id from check_in where participant_id = ? order by submitted_at, id",
                Long.class, person.id()).get(1);
    }

    @Test
    void theStoryHoldsOnlyItsOwnersDataAndOnlyTheReflectionsTheyChose() throws IOException {
        Person me = leader("Rosalind Featherstonehaugh", MINE_CHOSEN, MINE_KEPT, MY_ACTION);
        Person them = leader("Bartholomew Quince", THEIRS, "Another private worry", THEIR_ACTION);

        // The card lists my reflections, each off until I turn it on, and nobody else's.
        Replies chooser = me.say("my story");
        JsonNode card = chooser.card();
        assertThat(card.toString()).contains("Saying no to the third steering group").contains(MINE_KEPT)
                .doesNotContain(THEIRS).contains("\"value\":\"false\"");
        long chosen = secondCheckIn(me);
        long theirs = secondCheckIn(them);

        // In Teams: the file consent card, and on Allow the PDF, made from my data then. A forged choice of someone
        // else's check-in matches nothing of mine, so their words can't be pulled in.
        ObjectNode make = JSON.createObjectNode().put("action", StorySlice.MAKE)
                .put(StorySlice.CHOSEN_PREFIX + chosen, "true").put(StorySlice.CHOSEN_PREFIX + theirs, "true");
        User user = me.user();
        List<JsonNode> offered = inTeams.expectReplies(inTeams.cardSubmit(user, make)).replies();
        JsonNode consent = offered.get(offered.size() - 1).path("attachments").path(0);
        assertThat(consent.path("contentType").asText()).isEqualTo("application/vnd.microsoft.teams.card.file.consent");
        assertThat(consent.path("name").asText()).startsWith("my-learning-story-").endsWith(".pdf");
        TeamsClient.Answer accepted = chat.teams().post(oneDrive.consent(chat.teams(), user, "accept",
                consent.path("content").path("acceptContext"), consent.path("name").asText()));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(oneDrive.uploads()).hasSize(1);

        String text;
        try (PDDocument pdf = Loader.loadPDF(oneDrive.body(0))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            Path pages = Path.of("target", "story-pages");
            Files.createDirectories(pages);
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 80);
                ImageIO.write(image, "png", pages.resolve("page-" + (i + 1) + ".png").toFile());
            }
        }
        assertThat(text).contains("My learning story").contains("Rosalind Featherstonehaugh")
                .contains("7 check-ins on ").contains(MINE_CHOSEN).contains(MY_ACTION)
                .contains("I set myself 2 actions and completed 1")
                .contains("How have I developed as a leader?");
        assertThat(text).doesNotContain(MINE_KEPT).doesNotContain(THEIRS).doesNotContain("Another private worry")
                .doesNotContain(THEIR_ACTION).doesNotContain("Bartholomew").doesNotContain("Quince");

        // Declining a fresh offer makes nothing.
        offered = inTeams.expectReplies(inTeams.cardSubmit(user, make)).replies();
        JsonNode second = offered.get(offered.size() - 1).path("attachments").path(0);
        chat.teams().post(oneDrive.consent(chat.teams(), user, "decline",
                second.path("content").path("declineContext"), consent.path("name").asText()));
        assertThat(oneDrive.uploads()).hasSize(1);
    }

    @Test
    void withNothingChosenNoReflectionIsInItAndThePlaygroundGetsItInTheChat() {
        Person me = leader("Imogen Thistlewood", MINE_CHOSEN, MINE_KEPT, MY_ACTION);
        leader("Cuthbert Ashdown", THEIRS, "Another private worry", THEIR_ACTION);
        String story = me.click(JSON.createObjectNode().put("action", StorySlice.MAKE)).text();
        assertThat(story).contains("My learning story").contains("Imogen Thistlewood").contains("None chosen")
                .contains("Hand the winter plan to my deputy").contains("I set myself 2 actions and completed 1");
        assertThat(story).doesNotContain(MINE_CHOSEN).doesNotContain(MINE_KEPT).doesNotContain(THEIRS)
                .doesNotContain(THEIR_ACTION).doesNotContain("Cuthbert");
    }

    @Test
    void aCardThatIsNotOursGetsAClearAnswer() {
        Person me = chat.person("Wilhelmina Hart").agree();
        assertThat(me.click(JSON.createObjectNode().put("action", StorySlice.MAKE).put("include.x", "true")).text())
                .contains("Say \"my story\" for a fresh one");
        ObjectNode many = JSON.createObjectNode().put("action", StorySlice.MAKE);
        for (int i = 0; i < 41; i++) {
            many.put("include." + i, "true");
        }
        assertThat(me.click(many).text()).contains("up to 40 reflections");
    }
}
