package com.waymark.teams.evaluation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.evaluation.OutcomeInvite;
import com.waymark.evaluation.OutcomeMeasure;
import com.waymark.impact.ImpactReport;
import com.waymark.impact.ImpactReports;
import com.waymark.support.CardFacts;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation's section of the commissioners' impact report, driven as Teams does: the coach sends the evaluation
 * and turns the outcome measure on, leaders answer their cards, and the report's PDF text and CSV carry exactly the
 * figures the coach's {@code evaluation results} card shows; below the threshold none of them is in the PDF's text;
 * a programme with no evaluation and no outcome measure has no section and no evaluation read is audited.
 */
class EvaluationImpactSectionTest extends WaymarkIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> STANDARD = List.of("team-sessions", "one-to-one", "peer-coaching", "check-ins");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ImpactReports reports;
    @Autowired
    OutcomeWording outcomeWording;

    Chat chat;
    Coach coach;

    @BeforeEach
    void programme() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        coach = chat.coach("Coach Ada Finch");
        coach.agree();
        coach.createsUnique("Board");
    }

    @Test
    void theReportShowsExactlyWhatTheCoachSeesInEvaluationResults() throws IOException {
        List<Person> people = members(10);
        coach.say("evaluation add element Action learning sets");
        coach.say("outcome measure on");
        // Start: five in the high band (score 100), five moderate (50); end: five moderate, five low (0).
        for (int i = 0; i < 10; i++) {
            int o = i < 5 ? 0 : 2;
            answerOutcome(people.get(i), OutcomeMeasure.Phase.START, o);
        }
        coach.say("evaluation send");
        for (int i = 0; i < 10; i++) {
            // Five rate every element 4, five rate it 3: 3.5 from 10, 5 Good or Excellent (both sides are five).
            answer(people.get(i), i < 5 ? 4 : 3, i < 5 ? 9 : 6);
            answerOutcome(people.get(i), OutcomeMeasure.Phase.END, i < 5 ? 2 : 4);
        }
        Map<String, String> card = facts(coach.say("evaluation results").card());
        int audited = evaluationReads();

        ImpactReport report = reports.read(coach.id(), coach.programmeId());
        // Two reads, each audited with only the people of its own figures: the ten who rated, the ten measured.
        assertThat(evaluationReads()).as("the report's reads of the evaluation are audited").isEqualTo(audited + 2);
        assertThat(db.queryForList("select people_included from audit_event where kind = 'EVALUATION' and "
                + "programme_id = ? order by id desc limit 2", Integer.class, coach.programmeId()))
                .containsExactly(10, 10);
        byte[] pdf = ImpactReports.pdf(report).bytes();
        render(pdf, "evaluation-shown");
        List<String> lines = lines(pdfText(pdf));
        String csv = ImpactReports.csv(report);

        // Each element: the card's "3.5 from 10 people; 5 rated it Good or Excellent", the same numbers in the PDF.
        for (String element : List.of("Team coaching sessions", "1:1 coaching", "Peer coaching",
                "The check-ins in Teams")) {
            String onCard = card.get(element + " (1–5)");
            assertThat(onCard).isEqualTo("3.5 from 10 people; 5 rated it Good or Excellent");
            String row = element + ", average rating (1 to 5)";
            assertThat(lines).contains(row + " 3.5 from 10 leaders, 5 rated it Good or Excellent");
            assertThat(numbers(value(lines, row))).isEqualTo(numbers(onCard));
            assertThat(csv).contains("Leaders' evaluation of the programme,\"" + row + "\",\"3.5 from 10 leaders, 5 rated it Good or Excellent\"");
        }
        // Nobody rated the coach's own element: hidden on the card, hidden in the report.
        assertThat(card.get("Action learning sets (1–5)")).startsWith("hidden");
        assertThat(lines).contains("Action learning sets, average rating (1 to 5) hidden");
        assertThat(csv).contains("Leaders' evaluation of the programme,\"Action learning sets, average rating (1 to 5)\",hidden");

        assertThat(card.get("Answered by")).isEqualTo("10 people");
        assertThat(lines).contains("Leaders who answered the evaluation 10");
        assertThat(card.get("Would recommend it (0–10)")).isEqualTo("7.5 from 10 people");
        assertThat(lines).contains("Would recommend the programme, average (0 to 10) 7.5 from 10 leaders");

        // The outcome measure: 75.0 to 25.0 over the same ten; five in each of two bands, then the other two.
        assertThat(card.get("People (answered both times)")).isEqualTo("10");
        assertThat(card.get("Mean score at the start")).isEqualTo("75.0");
        assertThat(card.get("Mean score at the end")).isEqualTo("25.0");
        assertThat(lines).contains("Leaders who answered at the start and at the end 10",
                "Average score at the start (0 to 100) 75.0",
                "Average score at the end (0 to 100) 25.0");
        // Each band as the card shows it ("low 0 · moderate 5 · high 5", a hidden one "hidden"), row by row.
        for (String when : List.of("start", "end")) {
            String bands = card.get("Bands at the " + when);
            assertThat(bands).contains("moderate 5");
            for (String part : bands.split(" · ")) {
                String[] band = part.split(" ");
                assertThat(lines).anyMatch(line -> line.startsWith("Leaders in the " + band[0] + " band (")
                        && line.endsWith("), at the " + when + " " + band[1]));
            }
        }
        assertThat(csv).contains("\"Work-related burnout, start and end\",Average score at the end (0 to 100),25.0");
        long hiddenOnCard = card.values().stream().filter(v -> v.startsWith("hidden")).count()
                + card.entrySet().stream().filter(e -> e.getKey().startsWith("Bands"))
                .mapToLong(e -> e.getValue().split("hidden", -1).length - 1).sum();

        // The section's figures are counted with the report's, and nobody's written words are in it.
        List<ImpactReport.Figure> figures = new ArrayList<>(report.section("evaluation").figures());
        figures.addAll(report.section("outcome").figures());
        assertThat(figures).hasSize(7 + 9);
        assertThat(figures.stream().filter(f -> !f.shown()).count()).isEqualTo(hiddenOnCard);
        // The measure sits with wellbeing, the ratings after peer coaching.
        assertThat(report.sections().stream().map(ImpactReport.Section::key).toList()).containsSubsequence(
                "wellbeing", "outcome", "actions", "peer-coaching", "evaluation", "themes");
        assertThat(pdfText(pdf)).doesNotContain("night shift");
    }

    @Test
    void noFigureBelowTheThresholdIsInThePdf() throws IOException {
        List<Person> people = members(6);
        coach.say("outcome measure on");
        coach.say("evaluation send");
        // Four answer (the threshold is five): ratings 2, 2, 2, 3 (mean 2.3) and recommend 7, 7, 7, 6 (6.8).
        for (int i = 0; i < 4; i++) {
            answer(people.get(i), i < 3 ? 2 : 3, i < 3 ? 7 : 6);
            answerOutcome(people.get(i), OutcomeMeasure.Phase.START, 1);
            answerOutcome(people.get(i), OutcomeMeasure.Phase.END, 3);
        }
        assertThat(coach.say("evaluation results").card().toString()).contains("hidden: fewer than 5 people so far")
                .doesNotContain("2.3").doesNotContain("6.8");

        ImpactReport report = reports.read(coach.id(), coach.programmeId());
        byte[] pdf = ImpactReports.pdf(report).bytes();
        render(pdf, "evaluation-hidden");
        String text = pdfText(pdf);
        // Outcome: 75 at the start and 25 at the end for these four, nowhere.
        assertThat(text).doesNotContain("2.3").doesNotContain("6.8").doesNotContain("from 4")
                .doesNotContain("75.0").doesNotContain("25.0");
        assertThat(lines(text)).contains("Leaders who answered the evaluation hidden",
                "Team coaching sessions, average rating (1 to 5) hidden",
                "Would recommend the programme, average (0 to 10) hidden",
                "Leaders who answered at the start and at the end hidden",
                "Average score at the start (0 to 100) hidden",
                "Average score at the end (0 to 100) hidden");
        // With nothing shown, the six band rows would only repeat "hidden".
        assertThat(text).doesNotContain(" band (");
        assertThat(String.join(" ", lines(text))).contains("A figure reads hidden when fewer than 5 leaders answered");
        assertThat(ImpactReports.csv(report)).contains("Leaders' evaluation of the programme,Leaders who answered the evaluation,hidden")
                .doesNotContain("2.3").doesNotContain("6.8");
    }

    @Test
    void aProgrammeWithNoEvaluationHasNoSectionAndNoEvaluationRead() throws IOException {
        members(5);
        int audited = evaluationReads();
        ImpactReport report = reports.read(coach.id(), coach.programmeId());
        assertThat(report.section("evaluation")).isNull();
        assertThat(pdfText(ImpactReports.pdf(report).bytes())).doesNotContain("evaluation");
        assertThat(evaluationReads()).isEqualTo(audited);

        // The outcome measure on, nobody answered twice, the evaluation not sent: the measure's section says when
        // its figures come; there is no evaluation section yet.
        coach.say("outcome measure on");
        ImpactReport later = reports.read(coach.id(), coach.programmeId());
        assertThat(later.section("evaluation")).isNull();
        String text = String.join(" ", lines(pdfText(ImpactReports.pdf(later).bytes())));
        assertThat(text).contains("Work-related burnout, start and end")
                .contains("Figures appear once 5 or more leaders have answered both at the start and at the end")
                .doesNotContain("Leaders who answered the evaluation");
    }

    // ---- helpers ----

    List<Person> members(int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(chat.person("Leader " + i).agree().joins(coach));
        }
        return people;
    }

    void answer(Person person, int rating, int recommend) {
        JsonNode card = person.say("evaluation").card();
        ObjectNode submit = ((ObjectNode) card.path("actions").path(0).path("data")).deepCopy();
        STANDARD.forEach(key -> submit.put("rate." + key, Integer.toString(rating)));
        submit.put("recommend", Integer.toString(recommend));
        submit.put("mostUseful", "Time away from the night shift to think");
        submit.put("quoteOk", "true");
        assertThat(person.click(submit).text()).isEqualTo(EvaluationSlice.SAVED);
    }

    /** Option {@code o} on the first six items and its mirror on the reversed seventh: a score of 100 - 25 o. */
    void answerOutcome(Person person, OutcomeMeasure.Phase phase, int o) {
        var activities = outcomeWording.render(person.id(), new OutcomeInvite(coach.programmeId(), phase));
        JsonNode card = JSON.valueToTree(activities.get(0).getAttachments().get(0).getContent());
        ObjectNode submit = ((ObjectNode) card.path("actions").path(0).path("data")).deepCopy();
        for (int i = 1; i <= 7; i++) {
            submit.put("item" + i, Integer.toString(i == 7 ? 4 - o : o));
        }
        assertThat(person.click(submit).text()).isEqualTo(EvaluationSlice.SAVED);
    }

    /** Every FactSet's title and value in the card. */
    static Map<String, String> facts(JsonNode card) {
        return CardFacts.of(card);
    }

    int evaluationReads() {
        return db.queryForObject("select count(*) from audit_event where kind = 'EVALUATION' and programme_id = ?",
                Integer.class, coach.programmeId());
    }

    static String value(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow()
                .substring(label.length() + 1);
    }

    static List<String> numbers(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+(\\.\\d+)?").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }

    /** The pages as PNGs under target/, to be looked at. */
    static void render(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "impact-pages");
        Files.createDirectories(dir);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 90);
                ImageIO.write(image, "png", dir.resolve(name + "-" + (i + 1) + ".png").toFile());
            }
        }
    }
}
