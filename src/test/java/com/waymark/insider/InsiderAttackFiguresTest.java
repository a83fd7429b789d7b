package com.waymark.insider;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.CardFacts;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.ClockedIntegrationTest;
import com.waymark.support.TeamsClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A curious coach against the figures (issue 13, items 1 to 3), over HTTP as Teams posts: each test is one
 * attack that worked before, read the way the coach read it (mostly `export`, whose CSV gives every figure),
 * and shows it resisted. The clock is moved by hand, so "two minutes later" is exactly that.
 */
class InsiderAttackFiguresTest extends ClockedIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Wednesday 18 November 2026, 10:00 in London. */
    static final Instant WEDNESDAY = Instant.parse("2026-11-18T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    TeamsClient teams;
    Chat chat;
    Coach coach;
    String joinCode;
    long programmeId;

    @BeforeEach
    void client() {
        CLOCK.set(WEDNESDAY);
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        chat = new Chat(teams, db).requiringOk();
    }

    // ---- rule 1: nobody counts towards a figure they can see ----

    @Test
    void aCoachWhoChecksInWithAColleagueDoesNotMakeUpTheThresholdOfThree() {
        programme(3);
        coach.joins(coach);
        List<Person> others = people(2);
        checkIn(coach, 4, 4);
        checkIn(others.get(0), 4, 4); // the colleague, colluding
        checkIn(others.get(1), 1, 2); // the person whose ratings the coach wants
        // Before: people 3, mean wellbeing 3.00, mean energy 3.33, so the third had given exactly 1 and 2.
        Map<String, String> figures = export("export");
        assertThat(figures).containsEntry("wellbeing|people", "hidden")
                .containsEntry("wellbeing|mean wellbeing (1-5)", "hidden")
                .containsEntry("wellbeing|mean energy (1-5)", "hidden")
                .containsEntry("participation|people who checked in", "hidden");
        assertThat(figures.get("participation|people enrolled")).as("the coach is not counted as enrolled")
                .isEqualTo("hidden");
        assertThat(figures.values()).noneMatch(v -> v.startsWith("3.0") || v.startsWith("3.3"));
    }

    @Test
    void aCoachAndThreeColleaguesAtThresholdFiveLearnNothingOfTheFifth() {
        programme(5);
        coach.joins(coach);
        List<Person> others = people(6);
        checkIn(coach, 5, 5);
        for (int i = 0; i < 3; i++) {
            checkIn(others.get(i), 5, 5);
        }
        checkIn(others.get(3), 1, 1);
        Map<String, String> figures = export("export");
        assertThat(figures).containsEntry("wellbeing|people", "hidden")
                .containsEntry("wellbeing|mean wellbeing (1-5)", "hidden");
        // Only once five people other than staff have checked in is there a figure, and it is over them alone.
        checkIn(others.get(4), 5, 5);
        Map<String, String> five = export("export");
        assertThat(five).containsEntry("wellbeing|people", "5").containsEntry("wellbeing|mean wellbeing (1-5)", "4.2")
                .containsEntry("participation|people enrolled", "6");
    }

    // ---- rule 2: no differencing across reads ----

    @Test
    void twoReadsAroundANewPersonsCheckInDoNotGiveItAway() {
        List<Person> people = programme(5, 12);
        int[] ratings = {4, 4, 5, 4, 3};
        for (int i = 0; i < 5; i++) {
            checkIn(people.get(i), ratings[i], 3);
        }
        Map<String, String> first = export("export");
        assertThat(first).containsEntry("wellbeing|people", "5").containsEntry("wellbeing|mean wellbeing (1-5)", "4.0");

        CLOCK.advance(Duration.ofMinutes(3));
        checkIn(people.get(5), 1, 1);
        Map<String, String> second = export("export");
        // Before: people 6, 3.50, so 6 × 3.50 − 5 × 4.00 = 1. Now the figure from one more person is held back.
        assertThat(second).containsEntry("wellbeing|people", "hidden")
                .containsEntry("wellbeing|mean wellbeing (1-5)", "hidden")
                .containsEntry("participation|people who checked in", "hidden");
        assertThat(lastCard.toString()).contains("have changed since they were last shown");

        // Another coach of the programme reads the same ledger: coaches comparing notes gain nothing either.
        Person second_coach = staffCoach();
        assertThat(export(second_coach, "export")).containsEntry("wellbeing|mean wellbeing (1-5)", "hidden");

        // Once five more people have checked in, the period reads again, over eleven: six more than last shown.
        for (int i = 6; i < 11; i++) {
            checkIn(people.get(i), 3, 3);
        }
        assertThat(export("export")).containsEntry("wellbeing|people", "11");
    }

    @Test
    void twoReadsAroundAnExistingPersonCheckingInAgainDoNotGiveItAway() {
        List<Person> people = programme(5, 8);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), 4, 4);
        }
        assertThat(export("export")).containsEntry("wellbeing|people", "6")
                .containsEntry("wellbeing|mean wellbeing (1-5)", "4.0");
        CLOCK.advance(Duration.ofMinutes(1));
        checkIn(people.get(2), 1, 1); // same six people; one of them has changed
        assertThat(export("export")).containsEntry("wellbeing|people", "hidden")
                .containsEntry("wellbeing|mean wellbeing (1-5)", "hidden");
        assertThat(card(coach, "wellbeing").toString())
                .contains("Hidden: fewer than 5 people's check-ins have changed since it was last shown.")
                .doesNotContain("Mean wellbeing");
    }

    @Test
    void anErasedPersonsAnswerCanNotBeSubtractedOutAndTheirExportNamesNobodyElse() {
        List<Person> people = programme(5, 8);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), i == 5 ? 1 : 4, 4);
        }
        assertThat(export("export")).containsEntry("wellbeing|people", "6");

        // The person's own export lists the released figures that included them, and no one else's id.
        String mine = people.get(5).say("my data").toString();
        assertThat(mine).contains("releasedFigures").contains("wellbeing|programme");
        long someoneElse = db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                people.get(0).aadObjectId());
        assertThat(mine).doesNotContain("\"participantId\":" + someoneElse);

        long erased = db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                people.get(5).aadObjectId());
        people.get(5).say("delete my data");
        people.get(5).click(JSON.createObjectNode().put("action", "confirmErase"));
        assertThat(db.queryForObject("select count(*) from release_contributor where participant_id = ?",
                Integer.class, erased)).isZero();
        assertThat(db.queryForObject("select count(*) from release_contributor c join release_contributor_set s "
                + "on s.id = c.set_id where s.programme_id = ? and c.participant_id < 0", Integer.class, programmeId))
                .as("a tombstone stands where they were").isPositive();
        // Before: the five left read 4.0 against the six's 3.5, giving the erased answer (6 × 3.5 − 5 × 4.0 = 1).
        assertThat(export("export")).containsEntry("wellbeing|people", "hidden")
                .containsEntry("wellbeing|mean wellbeing (1-5)", "hidden");
    }

    @Test
    void theSameWeekReadAtTwoDifferentMinutesReadsTheSame() {
        List<Person> people = programme(5, 7);
        for (int i = 0; i < 7; i++) {
            checkIn(people.get(i), 3 + i % 3, 4);
        }
        CLOCK.set(WEDNESDAY.plus(Duration.ofHours(2)));
        String early = exportCsv("export since 2026-11-16");
        String earlyDefault = exportCsv("export");
        CLOCK.set(WEDNESDAY.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(7)));
        String later = exportCsv("export since 2026-11-16");
        String laterDefault = exportCsv("export");
        assertThat(later).isEqualTo(early);
        assertThat(laterDefault).isEqualTo(earlyDefault);
        // Whole days: the default period is the fourteen days up to and including today, to the same day.
        assertThat(earlyDefault).contains(",2026-11-05,2026-11-18,");
        assertThat(early).contains(",2026-11-16,2026-11-18,");
    }

    @Test
    void aSessionAFewMinutesAheadGivesNoMinuteLevelWindow() {
        List<Person> people = programme(5, 7);
        for (int i = 0; i < 7; i++) {
            checkIn(people.get(i), 4, 4);
        }
        assertThat(coach.say("next session 2026-11-18 10:05").text()).contains("10:05");
        CLOCK.set(WEDNESDAY.plus(Duration.ofMinutes(6)));
        // Before: the period started at 10:05, so it held exactly the check-ins made in the last minute.
        checkIn(people.get(0), 1, 1);
        String csv = exportCsv("export since last session");
        assertThat(csv).contains(",2026-11-18,2026-11-18,");
        Map<String, String> figures = parse(csv);
        assertThat(figures.get("wellbeing|people")).as("the whole day: seven people, not the one from 10:06")
                .isEqualTo("7");
        assertThat(figures.get("wellbeing|mean wellbeing (1-5)")).isNotEqualTo("1.0");
    }

    // ---- rule 3: participation consistent with every count ----

    @Test
    void aHiddenParticipationIsNotPrintedElsewhereInTheSameReport() {
        List<Person> people = programme(5, 12);
        for (int i = 0; i < 4; i++) {
            checkIn(people.get(i), 4, 4, "Too many meetings this week and no time to think.");
        }
        Map<String, String> four = export("export");
        assertThat(four).containsEntry("participation|people enrolled", "12")
                .containsEntry("participation|people who checked in", "hidden")
                .containsEntry("participation|people who did not check in", "hidden")
                .containsEntry("participation|check-ins", "hidden")
                .containsEntry("wellbeing|people", "hidden")
                .containsEntry("themes|reflections", "hidden");
        JsonNode summary = card(coach, "summary");
        assertThat(summary.toString()).doesNotContain("People 4").doesNotContain("\"4\"").doesNotContain("\"8\"");
    }

    @Test
    void nineOfTwelveIsShownAndEveryCountAgreesWithIt() {
        List<Person> people = programme(5, 12);
        for (int i = 0; i < 9; i++) {
            checkIn(people.get(i), 4, 3, i < 6 ? "Too many meetings this week and no time to think." : "");
        }
        Map<String, String> nine = export("export");
        assertThat(nine).containsEntry("participation|people enrolled", "12")
                .containsEntry("participation|people who checked in", "9")
                .containsEntry("participation|people who did not check in", "3")
                .containsEntry("participation|check-ins", "9")
                .containsEntry("wellbeing|people", "9");
        // Before: reflections were shown while check-ins were hidden. Now both are shown, and reflections ≤ check-ins.
        assertThat(nine.get("themes|reflections")).isEqualTo("6");
        assertThat(facts(card(coach, "participation"))).containsEntry("Checked in", "9 of 12 (75%)");
    }

    // ---- helpers ----

    private JsonNode lastCard;

    /** A coach, a programme at this threshold, and its join code; the coach is not a member yet. */
    void programme(int threshold) {
        coach = chat.cohort("Figures", 0).coach();
        programmeId = coach.programmeId();
        joinCode = coach.joinCode();
        db.update("update programme set confidentiality_threshold = ? where id = ?", threshold, programmeId);
    }

    List<Person> programme(int threshold, int size) {
        programme(threshold);
        return people(size);
    }

    /** {@code size} more people who agreed and joined the programme. */
    List<Person> people(int size) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            people.add(chat.person(Chat.uniqueName("Leader " + (char) ('A' + i))).agree().joins(coach));
        }
        return people;
    }

    /**
     * A second coach of the same programme, written as the admin's staff action writes it (how staff may be
     * appointed is another attack's concern, InsiderAttackStaff's; here only that they share the ledger).
     */
    Person staffCoach() {
        Person other = chat.person(Chat.uniqueName("Co-coach")).agree().joins(coach);
        db.update("insert into programme_staff (programme_id, participant_id, role, added_at) values (?, ?, 'COACH', ?)",
                programmeId, other.id(), java.sql.Timestamp.from(CLOCK.instant()));
        return other;
    }

    void checkIn(Person person, int wellbeing, int energy) {
        checkIn(person, wellbeing, energy, "");
    }

    void checkIn(Person person, int wellbeing, int energy, String reflection) {
        ObjectNode submit = JSON.createObjectNode().put("action", "checkin").put("wellbeing", Integer.toString(wellbeing))
                .put("energy", Integer.toString(energy)).put("reflection", reflection).put("quoteOk", "false");
        assertThat(person.click(submit).toString()).contains("Saved");
    }

    Map<String, String> export(String command) {
        return export(coach, command);
    }

    Map<String, String> export(Person reader, String command) {
        return parse(exportCsv(reader, command));
    }

    String exportCsv(String command) {
        return exportCsv(coach, command);
    }

    String exportCsv(Person reader, String command) {
        // The export is a short card, then (outside Teams' own 1:1 chat, as here) the CSV as a code block.
        List<JsonNode> replies = reader.say(command);
        assertThat(replies.get(0).path("attachments")).as("a card in reply to %s", command).isNotEmpty();
        lastCard = replies.get(0).path("attachments").path(0).path("content");
        String text = replies.stream().map(r -> r.path("text").asText("")).filter(t -> t.contains("```csv\n"))
                .findFirst().orElseThrow(() -> new AssertionError("no CSV in " + replies));
        return text.substring(text.indexOf("```csv\n") + 7, text.lastIndexOf("\n```"));
    }

    /** "section|figure" to value. */
    static Map<String, String> parse(String csv) {
        Map<String, String> figures = new LinkedHashMap<>();
        csv.lines().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            figures.put(cells[cells.length - 3] + "|" + cells[cells.length - 2], cells[cells.length - 1]);
        });
        return figures;
    }

    JsonNode card(Person user, String text) {
        JsonNode reply = user.say(text).get(0);
        assertThat(reply.path("attachments")).as("a card in reply to %s: %s", text, reply).isNotEmpty();
        return reply.path("attachments").path(0).path("content");
    }

    static Map<String, String> facts(JsonNode card) {
        return CardFacts.of(card);
    }
}
