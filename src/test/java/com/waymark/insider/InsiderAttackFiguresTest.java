package com.waymark.insider;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.MutableClock;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A curious coach against the figures (issue 13, items 1 to 3), over HTTP as Teams posts: each test is one
 * attack that worked before, read the way the coach read it (mostly `export`, whose CSV gives every figure),
 * and shows it resisted. The clock is moved by hand, so "two minutes later" is exactly that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.quartz.auto-startup=false", "waymark.outbox.poll-ms=0"})
class InsiderAttackFiguresTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ConnectorStub CONNECTOR = start();
    /** Wednesday 18 November 2026, 10:00 in London. */
    static final Instant WEDNESDAY = Instant.parse("2026-11-18T10:00:00Z");
    static final MutableClock CLOCK = new MutableClock(WEDNESDAY);

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void scratch(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createTempDirectory("waymark-insider-figures-");
        registry.add("waymark.data-dir", dir::toString);
    }

    private static ConnectorStub start() {
        try {
            return new ConnectorStub();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        CONNECTOR.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    TeamsClient teams;
    User coach;
    String joinCode;
    long programmeId;

    @BeforeEach
    void client() {
        CLOCK.set(WEDNESDAY);
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
    }

    // ---- rule 1: nobody counts towards a figure they can see ----

    @Test
    void aCoachWhoChecksInWithAColleagueDoesNotMakeUpTheThresholdOfThree() {
        programme(3);
        join(coach);
        List<User> others = people(2);
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
        join(coach);
        List<User> others = people(6);
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
        List<User> people = programme(5, 12);
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
        User second_coach = staffCoach();
        assertThat(export(second_coach, "export")).containsEntry("wellbeing|mean wellbeing (1-5)", "hidden");

        // Once five more people have checked in, the period reads again, over eleven: six more than last shown.
        for (int i = 6; i < 11; i++) {
            checkIn(people.get(i), 3, 3);
        }
        assertThat(export("export")).containsEntry("wellbeing|people", "11");
    }

    @Test
    void twoReadsAroundAnExistingPersonCheckingInAgainDoNotGiveItAway() {
        List<User> people = programme(5, 8);
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
        List<User> people = programme(5, 8);
        for (int i = 0; i < 6; i++) {
            checkIn(people.get(i), i == 5 ? 1 : 4, 4);
        }
        assertThat(export("export")).containsEntry("wellbeing|people", "6");

        // The person's own export lists the released figures that included them, and no one else's id.
        String mine = teams.expectReplies(teams.message(people.get(5), "my data")).replies().toString();
        assertThat(mine).contains("releasedFigures").contains("wellbeing|programme");
        long someoneElse = db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                people.get(0).aadObjectId());
        assertThat(mine).doesNotContain("\"participantId\":" + someoneElse);

        long erased = db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                people.get(5).aadObjectId());
        teams.expectReplies(teams.message(people.get(5), "delete my data"));
        teams.expectReplies(teams.cardSubmit(people.get(5), JSON.createObjectNode().put("action", "confirmErase")));
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
        List<User> people = programme(5, 7);
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
        List<User> people = programme(5, 7);
        for (int i = 0; i < 7; i++) {
            checkIn(people.get(i), 4, 4);
        }
        assertThat(text(coach, "next session 2026-11-18 10:05")).contains("10:05");
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
        List<User> people = programme(5, 12);
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
        List<User> people = programme(5, 12);
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
        coach = fresh("Coach");
        String name = "Figures " + UUID.randomUUID().toString().substring(0, 6);
        teams.expectReplies(teams.message(coach, "create programme " + name));
        programmeId = db.queryForObject("select id from programme where name = ?", Long.class, name);
        joinCode = db.queryForObject("select join_code from programme where id = ?", String.class, programmeId);
        db.update("update programme set confidentiality_threshold = ? where id = ?", threshold, programmeId);
    }

    List<User> programme(int threshold, int size) {
        programme(threshold);
        return people(size);
    }

    List<User> people(int size) {
        List<User> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            User person = fresh("Leader " + (char) ('A' + i));
            join(person);
            people.add(person);
        }
        return people;
    }

    /**
     * A second coach of the same programme, written as the admin's staff action writes it (how staff may be
     * appointed is another attack's concern, InsiderAttackStaff's; here only that they share the ledger).
     */
    User staffCoach() {
        User other = fresh("Co-coach");
        join(other);
        long id = db.queryForObject("select id from participant where aad_object_id = ?", Long.class,
                other.aadObjectId());
        db.update("insert into programme_staff (programme_id, participant_id, role, added_at) values (?, ?, 'COACH', ?)",
                programmeId, id, java.sql.Timestamp.from(CLOCK.instant()));
        return other;
    }

    User fresh(String name) {
        User user = User.fresh(name + " " + UUID.randomUUID().toString().substring(0, 4));
        teams.expectReplies(teams.install(user));
        teams.expectReplies(teams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
        return user;
    }

    void join(User person) {
        assertThat(text(person, "join " + joinCode)).doesNotContain("Sorry");
    }

    void checkIn(User person, int wellbeing, int energy) {
        checkIn(person, wellbeing, energy, "");
    }

    void checkIn(User person, int wellbeing, int energy, String reflection) {
        ObjectNode submit = JSON.createObjectNode().put("action", "checkin").put("wellbeing", Integer.toString(wellbeing))
                .put("energy", Integer.toString(energy)).put("reflection", reflection).put("quoteOk", "false");
        assertThat(teams.expectReplies(teams.cardSubmit(person, submit)).replies().toString()).contains("Saved");
    }

    Map<String, String> export(String command) {
        return export(coach, command);
    }

    Map<String, String> export(User reader, String command) {
        return parse(exportCsv(reader, command));
    }

    String exportCsv(String command) {
        return exportCsv(coach, command);
    }

    String exportCsv(User reader, String command) {
        // The export is a short card, then (outside Teams' own 1:1 chat, as here) the CSV as a code block.
        List<JsonNode> replies = teams.expectReplies(teams.message(reader, command)).replies();
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

    JsonNode card(User user, String text) {
        JsonNode reply = teams.expectReplies(teams.message(user, text)).replies().get(0);
        assertThat(reply.path("attachments")).as("a card in reply to %s: %s", text, reply).isNotEmpty();
        return reply.path("attachments").path(0).path("content");
    }

    String text(User user, String text) {
        return String.join("\n", teams.expectReplies(teams.message(user, text)).replies().stream()
                .map(r -> r.path("text").asText("")).toList());
    }

    static Map<String, String> facts(JsonNode card) {
        Map<String, String> facts = new LinkedHashMap<>();
        card.findValues("facts").forEach(list -> list.forEach(f -> facts.put(f.path("title").asText(),
                f.path("value").asText())));
        return facts;
    }
}
