package com.waymark.teams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.CardSchema;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, what the screenshot tour showed: screens a chief executive or a coach should not see, driven over HTTP
 * as Teams posts them. Totals that add up, dates in words, no dashes for what is unknown, nothing promised about a
 * partner who does not exist, audit lines not repeated.
 */
class TourScreensTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    TeamsClient teams;
    User coach;
    User leader;
    String programme;

    @BeforeEach
    void aCoachAndALeaderWhoAgreed() {
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        coach = agreed("Dr Priya Lindqvist-Oduya");
        leader = agreed("Sam Okafor-Whitlow");
        programme = "Tour cohort " + coach.aadObjectId().substring(0, 8);
        say(coach, "create programme " + programme);
        say(leader, "join " + db.queryForObject("select join_code from programme where name = ?", String.class,
                programme));
    }

    @Test
    void theErasureTotalIsTheSumOfWhatTheCardListedAndALeftPlaceSaysItIsPast() {
        say(leader, "4 3 Tried a new huddle");
        say(leader, "add action Book the board walk-round");
        assertThat(text(say(leader, "leave programme " + programme))).doesNotContain("Sorry");
        Map<String, String> listed = facts(card(say(leader, "delete my data")));
        assertThat(listed).containsEntry("Programme places, current and past", "1")
                .doesNotContainKey("Programme memberships");
        int sum = listed.values().stream().mapToInt(Integer::parseInt).sum();
        String done = text(submit(leader, JSON.createObjectNode().put("action", com.waymark.teams.datarights.DataRightsSlice.CONFIRM_ERASE)));
        assertThat(done).contains("(" + sum + " records in all)");
    }

    @Test
    void daysAwayReadAsARangeInWordsNotIsoDates() {
        java.time.LocalDate from = java.time.LocalDate.now(java.time.ZoneId.of(leader.timeZone())).plusDays(20);
        assertThat(text(say(leader, "leave " + from + " to " + from.plusDays(4)))).doesNotContain("Sorry");
        String schedule = text(say(leader, "my schedule"));
        assertThat(schedule).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .contains("Away: " + from.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM",
                        java.util.Locale.ENGLISH)) + " to ");
    }

    @Test
    void someoneWithNoRoleOrOrganisationIsListedByNameAloneNotDashes() {
        JsonNode people = card(say(coach, "people"));
        assertThat(people.toString()).doesNotContain("–, –").doesNotContain(" – –").doesNotContain("no group");
        assertThat(people.path("body").findValuesAsText("text")).contains(leader.name());
        assertThat(card(say(leader, "my details")).toString())
                .contains("Your coach recorded: no role, organisation or group yet; line manager: none.");
    }

    @Test
    void aFirstCheckInSaysNothingOfATrendAndNoRatingIsDrawnWithBlockCharacters() {
        Map<String, String> first = facts(card(say(leader, "4 3 Tried a new huddle")));
        assertThat(first).containsEntry("Wellbeing", "4").containsEntry("Energy", "3")
                .containsEntry("Check-ins so far", "1");
        Map<String, String> second = facts(card(say(leader, "2 3 A long board day")));
        assertThat(second).containsEntry("Wellbeing", "4 → 2 (average 3.0, down)")
                .containsEntry("Energy", "3 → 3 (average 3.0, steady)");
        String trend = card(say(leader, "my trend")).toString();
        assertThat(trend).contains("4 → 2 (average 3.0, down)");
        for (String shown : List.of(first.toString(), second.toString(), trend)) {
            assertThat(shown).as("block elements, drawn as black boxes in Teams").doesNotContainPattern("[\\u2580-\\u259F]");
        }
    }

    @Test
    void theSameReadRepeatedIsOneAuditLineWithItsCount() {
        for (int i = 0; i < 3; i++) {
            say(coach, "wellbeing");
        }
        List<String> lines = card(say(coach, "audit")).path("body").findValuesAsText("text").stream()
                .filter(l -> l.contains("Team wellbeing")).toList();
        int reads = lines.stream().mapToInt(l -> l.matches(".* ×\\d+") ? Integer.parseInt(l.replaceAll(".* ×", ""))
                : 1).sum();
        assertThat(reads).as("every read counted: " + lines).isEqualTo(3);
        assertThat(lines).as("at most a minute's turn splits them").hasSizeLessThanOrEqualTo(2)
                .allSatisfy(l -> assertThat(l).doesNotContain(programme));
    }

    @Test
    void theCohortQuestionIsConfirmedInPlainWordsNotThePolicysTerms() {
        String set = text(say(coach, "ask everyone What did you notice about how you listened this week?"));
        assertThat(set).startsWith("Set for everyone in " + programme)
                .contains("you see them as themes shared by several people, never one person's")
                .doesNotContain("threshold");
        assertThat(card(say(coach, "question")).toString())
                .contains("You see the answers as themes shared by several people").doesNotContain("threshold");
    }

    // ---- helpers ----

    static Map<String, String> facts(JsonNode card) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (JsonNode element : card.path("body")) {
            element.path("facts").forEach(f -> facts.put(f.path("title").asText(), f.path("value").asText()));
        }
        return facts;
    }

    private User agreed(String name) {
        User user = User.fresh(name);
        teams.expectReplies(teams.install(user));
        submit(user, JSON.createObjectNode().put("action", "consent"));
        return user;
    }

    private List<JsonNode> say(User user, String text) {
        return teams.expectReplies(teams.message(user, text)).replies();
    }

    private List<JsonNode> submit(User user, ObjectNode data) {
        return teams.expectReplies(teams.cardSubmit(user, data)).replies();
    }

    private static String text(List<JsonNode> replies) {
        return String.join("\n", replies.stream().map(r -> r.path("text").asText("")).toList());
    }

    private static String all(List<JsonNode> replies) {
        return replies.toString();
    }

    private static JsonNode card(List<JsonNode> replies) {
        JsonNode reply = replies.stream().filter(r -> r.path("attachments").path(0).path("contentType").asText()
                .equals("application/vnd.microsoft.card.adaptive")).findFirst()
                .orElseThrow(() -> new AssertionError("no card in " + replies));
        JsonNode card = reply.path("attachments").path(0).path("content");
        CardSchema.assertValidWithChartFallbacks(card);
        return card;
    }
}
