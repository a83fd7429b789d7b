package com.waymark.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.impact.ImpactReport;
import com.waymark.impact.ImpactReports;
import com.waymark.support.Chat;
import com.waymark.support.Replies;
import com.waymark.support.TeamsClient;
import com.waymark.support.WaymarkIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coaching cycle in the commissioners' impact report: every figure of its section, in the PDF's text and in the
 * CSV, is the figure {@code session pulse} shows the coach, a hidden one reads hidden in all three, nothing below the
 * threshold reaches the PDF, and a programme with no ended session has no section ({@code impact.CycleImpactSection}).
 */
class CycleImpactSectionTest extends WaymarkIntegrationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String TITLE = "Sessions: commitments and pulse";
    static final List<String> ITEMS = List.of("I could say what I really thought", "We worked on what mattered most",
            "I leave with something I will try");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    SessionEnds ends;
    @Autowired
    ImpactReports reports;

    Chat chat;

    @BeforeEach
    void chat() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
    }

    @Test
    void everyFigureInThePdfAndTheCsvIsTheOneTheCoachSees() throws IOException {
        Chat.Cohort cohort = chat.cohort("Cycle", 10);
        Chat.Coach coach = cohort.coach();
        List<Chat.Person> people = cohort.members();
        // Session 1: five commit (at 4) and mark theirs done; five say "nothing this time" (at 2).
        long first = endedSession(coach);
        answer(first, people.subList(0, 5), 4);
        nothing(first, people.subList(5, 10), 2);
        for (Chat.Person person : people.subList(0, 5)) {
            long action = db.queryForObject("select action_id from cycle_commitment where participant_id = ?",
                    Long.class, person.id());
            assertThat(person.click(Chat.action("cycle.progress").put("c" + action, "done")).text())
                    .startsWith("Saved");
        }
        // Session 2: four answer, below the threshold of five: hidden everywhere.
        long second = endedSession(coach);
        answer(second, people.subList(0, 4), 1);

        List<Map<String, String>> card = sessions(coach.say("session pulse").card());
        ImpactReport report = reports.read(coach.id(), coach.programmeId());
        List<String> pdf = lines(pdfText(ImpactReports.pdf(report).bytes()));
        String csv = ImpactReports.csv(report);

        assertThat(card).hasSize(2);
        assertThat(pdf).contains(TITLE);
        // Shown: pulse items, people counted, commitments made, "nothing this time", how they went.
        Map<String, String> one = card.get(0);
        Map<String, String> shown = figures(report, "Session 1 (");
        for (String item : ITEMS) {
            assertThat(shown.get(item)).isEqualTo(one.get(item)).isEqualTo("3.0");
        }
        assertThat(shown.get("leaders who answered the pulse")).isEqualTo(one.get("Pulse answers")).isEqualTo("10");
        assertThat(one.get("Commitments made")).isEqualTo(shown.get("commitments made") + " (and "
                + shown.get("leaders who said \"nothing this time\"") + " \"nothing this time\")");
        assertThat(shown.get("commitments made")).isEqualTo("5");
        assertThat(one.get("How they went")).startsWith("Done " + or(shown.get("commitments done")) + ", partly "
                + or(shown.get("commitments partly")) + ", not yet " + or(shown.get("commitments not yet"))
                + ", in the way " + or(shown.get("commitments something's in the way")));
        assertThat(shown.get("commitments done")).isEqualTo("5");
        // The same figures, in the PDF's text and the CSV, with hidden ones reading hidden.
        // The day the session began (an hour ago, endedSession): in the first hour after midnight, yesterday.
        LocalDate began = db.queryForObject("select starts_at from cycle_session where session_id = ?",
                OffsetDateTime.class, first).atZoneSameInstant(LONDON).toLocalDate();
        String day = "Session 1 (" + began.format(java.time.format.DateTimeFormatter
                .ofPattern("d MMM yyyy", java.util.Locale.UK)) + "), ";
        for (Map.Entry<String, String> figure : shown.entrySet()) {
            String value = or(figure.getValue());
            assertThat(pdf).contains(day + figure.getKey() + " " + value);
            assertThat(csv).contains(TITLE + ",\"" + (day + figure.getKey()).replace("\"", "\"\"") + "\"," + value
                    + "\r\n");
        }
        // Hidden: the card says hidden, and so do the PDF and the CSV, with the report's reason.
        assertThat(card.get(1).get("Pulse")).startsWith("hidden (fewer than 5");
        assertThat(card.get(1).get("Commitments")).startsWith("hidden (fewer than 5");
        Map<String, String> hidden = figures(report, "Session 2 (");
        assertThat(hidden).containsOnlyKeys("commitments made", "leaders who answered the pulse").containsValues(
                (String) null);
        assertThat(pdf).anyMatch(l -> l.startsWith("Session 2 (") && l.endsWith("commitments made hidden"))
                .anyMatch(l -> l.startsWith("Session 2 (") && l.endsWith("leaders who answered the pulse hidden"))
                .noneMatch(l -> l.startsWith("Session 2 (") && !l.endsWith(" hidden"));
        assertThat(String.join(" ", pdf)).contains("A figure reads hidden when fewer than 5 leaders are in it");
        assertThat(csv).contains(TITLE + ",\"" + "Session 2 (").contains("commitments made\",hidden\r\n");
        // Read twice (the coach, then the report): both audited as pulse reads, nothing held back between them.
        assertThat(report.section("cycle").heldBack()).isZero();
        assertThat(db.queryForObject("select count(*) from audit_event where actor_id = ? and kind = 'SESSION_PULSE'",
                Integer.class, coach.id())).isEqualTo(2);
    }

    @Test
    void nothingBelowTheThresholdReachesThePdf() throws IOException {
        Chat.Cohort cohort = chat.cohort("Cycle", 4);
        Chat.Coach coach = cohort.coach();
        long ended = endedSession(coach);
        answer(ended, cohort.members(), 1);
        ImpactReport report = reports.read(coach.id(), coach.programmeId());
        String text = pdfText(ImpactReports.pdf(report).bytes());

        assertThat(text).contains(TITLE).doesNotContain("1.0").doesNotContain("I could say what I really thought")
                .doesNotContain("commitments done");
        assertThat(lines(text)).filteredOn(l -> l.startsWith("Session 1 (")).hasSize(2).allMatch(l -> l.endsWith(
                " hidden"));
        assertThat(ImpactReports.csv(report)).doesNotContain("1.0").doesNotContain(",4\r\n");
    }

    @Test
    void aProgrammeWithNoEndedSessionHasNoSectionAndNoPulseRead() throws IOException {
        Chat.Cohort cohort = chat.cohort("Cycle", 5);
        Chat.Coach coach = cohort.coach();
        record(coach);
        ImpactReport report = reports.read(coach.id(), coach.programmeId());

        assertThat(report.section("cycle")).isNull();
        assertThat(pdfText(ImpactReports.pdf(report).bytes())).doesNotContain(TITLE);
        assertThat(db.queryForObject("select count(*) from audit_event where actor_id = ? and kind = 'SESSION_PULSE'",
                Integer.class, coach.id())).isZero();
    }

    // --- set-up, as CoachingCycleTest drives it ---

    long record(Chat.Coach coach) {
        LocalDate day = LocalDate.now(LONDON).plusDays(3);
        Replies reply = coach.say("next session " + day + " 09:30");
        assertThat(reply.text()).startsWith("Recorded the next session of \"" + coach.programme() + "\"");
        return db.queryForObject("select max(session_id) from cycle_session where programme_id = ?", Long.class,
                coach.programmeId());
    }

    /** Records a session, starts it an hour ago and ends it by the timer; returns its id. */
    long endedSession(Chat.Coach coach) {
        long session = record(coach);
        Instant now = Instant.now();
        db.update("update cycle_session set starts_at = ?, ends_at = ? where session_id = ?",
                OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now.minus(Duration.ofSeconds(1)), ZoneOffset.UTC), session);
        assertThat(ends.timerFired(session)).isPresent();
        return session;
    }

    /** Each answers the card with one commitment and the pulse at {@code score} on all three items. */
    void answer(long session, List<Chat.Person> people, int score) {
        for (Chat.Person person : people) {
            ObjectNode answers = pulse(Chat.action("cycle.after"), session, score).put("try1", "Try one thing");
            assertThat(person.click(answers).text()).startsWith("Saved");
        }
    }

    /** Each answers "Nothing this time", with the pulse at {@code score}. */
    void nothing(long session, List<Chat.Person> people, int score) {
        for (Chat.Person person : people) {
            assertThat(person.click(pulse(Chat.action("cycle.nothing"), session, score)).text())
                    .startsWith("Saved: nothing this time");
        }
    }

    static ObjectNode pulse(ObjectNode action, long session, int score) {
        return action.put("session", Long.toString(session)).put("said", Integer.toString(score))
                .put("mattered", Integer.toString(score)).put("leave", Integer.toString(score));
    }

    /** The coach's card, session by session: each FactSet's facts, title to value. */
    static List<Map<String, String>> sessions(JsonNode card) {
        List<Map<String, String>> sessions = new ArrayList<>();
        card.path("body").forEach(element -> {
            if ("FactSet".equals(element.path("type").asText())) {
                Map<String, String> facts = new LinkedHashMap<>();
                element.path("facts").forEach(f -> facts.put(f.path("title").asText(), f.path("value").asText()));
                sessions.add(facts);
            }
        });
        return sessions;
    }

    /** The cycle section's figures of one session, by what follows the session's date (null: hidden). */
    static Map<String, String> figures(ImpactReport report, String session) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (ImpactReport.Figure figure : report.section("cycle").figures()) {
            if (figure.label().startsWith(session)) {
                figures.put(figure.label().substring(figure.label().indexOf("), ") + 3), figure.value());
            }
        }
        return figures;
    }

    static String or(String value) {
        return value == null ? "hidden" : value;
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
}
