package com.waymark.teams;

import java.util.ArrayList;
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
 * Issue 14, "small things": what a leader or a coach sees on screens that looked broken, over HTTP as Teams posts
 * them. The privacy notice once agreed, honest counts in "my data", the "For" of the schedule and peer-coaching
 * cards, an audit that lists every read that says it is audited, and the team chat's hello and help.
 */
class WhatPeopleSeeTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEDULE = "Your schedule (times that suit you, days away, planned check-ins)";

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
        coach = agreed("Dr Marguerite Osei-Falk");
        leader = agreed("Hamish Adeleke-Strand");
        programme = "Seen cohort " + coach.aadObjectId().substring(0, 8);
        say(coach, "create programme " + programme);
        say(leader, "join " + db.queryForObject("select join_code from programme where name = ?", String.class,
                programme));
    }

    @Test
    void privacyBeforeAgreeingAsksAndAfterAgreeingSaysWhatWhenAndHowToWithdraw() {
        User newcomer = User.fresh("Isla Brennan-Achebe");
        teams.expectReplies(teams.install(newcomer));
        JsonNode before = card(say(newcomer, "privacy"));
        assertThat(before.toString()).contains("Before we start").contains("You have not agreed to it yet");
        assertThat(before.path("actions").path(0).path("title").asText()).isEqualTo("I agree");

        JsonNode after = card(say(leader, "privacy"));
        String text = after.toString();
        assertThat(after.path("body").path(0).path("text").asText()).isEqualTo("Your privacy");
        assertThat(text).doesNotContain("Before we start").doesNotContain("Until you agree")
                .doesNotContain("not agreed").contains("You agreed to this notice (version "
                        + com.waymark.privacy.PrivacyNotice.VERSION + ") on ")
                .contains("**my data**").contains("**who has seen my data**")
                .contains("**delete my data** – withdraw: erases everything about you");
        assertThat(after.path("actions").size()).as("nothing left to agree to").isZero();
        // The day they agreed, as their own clock read it (the test's users are in London).
        java.time.Instant given = db.queryForObject("select c.given_at from consent_record c join participant p on "
                + "p.id = c.participant_id where p.aad_object_id = ?", java.sql.Timestamp.class, leader.aadObjectId())
                .toInstant();
        assertThat(text).contains(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm",
                java.util.Locale.ENGLISH).format(given.atZone(java.time.ZoneId.of(leader.timeZone()))));
    }

    @Test
    void myDataCountsRealEntriesNotEmptyLists() {
        Map<String, String> counts = facts(card(say(leader, "my data")));
        assertThat(counts).containsEntry("Peer coaching (pairings, follow-up answers, opt-outs)", "0")
                .containsEntry(SCHEDULE, "0").containsEntry("Check-ins (ratings and reflections)", "0")
                .containsEntry("Your profile (name, Teams ids, time zone)", "1");

        say(leader, "quiet hours 21:00-07:30");
        java.time.LocalDate away = java.time.LocalDate.now().plusDays(20);
        assertThat(text(say(leader, "leave " + away + " to " + away.plusDays(1)))).doesNotContain("Sorry");
        say(leader, "opt out of peer coaching");
        Map<String, String> after = facts(card(say(leader, "my data")));
        assertThat(after).as("one settings row and two days away").containsEntry(SCHEDULE, "3")
                .containsEntry("Peer coaching (pairings, follow-up answers, opt-outs)", "1");
    }

    @Test
    void theScheduleAndPeerCoachingCardsSayWhoTheyAreFor() {
        for (String command : List.of("schedule", "peer coaching")) {
            JsonNode forWhom = input(card(say(coach, command)), "groupId");
            String value = forWhom.path("value").asText();
            assertThat(value).as(command + ": a choice is shown, not a blank box").isNotBlank();
            assertThat(forWhom.path("choices")).anySatisfy(c -> {
                assertThat(c.path("value").asText()).isEqualTo(value);
                assertThat(c.path("title").asText()).isEqualTo("Everyone in the programme");
            });
        }
        // Saving with it chosen sets the whole programme's rhythm.
        assertThat(text(submit(coach, JSON.createObjectNode().put("action", "saveSchedule").put("everyWeeks", "1")
                .put("weekdays", "TUESDAY").put("time", "09:00").put("openHours", "48").put("remindAfterHours", "24")
                .put("groupId", ProgrammeCards.EVERYONE)))).contains("every Tuesday at 09:00");
        assertThat(db.queryForObject("select count(*) from checkin_schedule s join programme p on p.id = "
                + "s.programme_id where p.name = ? and s.group_id is null", Integer.class, programme)).isOne();
        // Every day of the week is a rhythm too (it once overflowed its column and failed the turn).
        String everyDay = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY";
        assertThat(text(submit(coach, JSON.createObjectNode().put("action", "saveSchedule").put("everyWeeks", "1")
                .put("weekdays", everyDay).put("time", "09:00").put("openHours", "12").put("remindAfterHours", "6")
                .put("groupId", ProgrammeCards.EVERYONE)))).doesNotContain("Sorry").contains("09:00");
        assertThat(db.queryForObject("select s.weekdays from checkin_schedule s join programme p on p.id = "
                + "s.programme_id where p.name = ? and s.group_id is null order by s.id desc limit 1", String.class, programme))
                .isEqualTo(everyDay);
    }

    /**
     * Every coach read whose reply says it is recorded in the audit is in "audit" afterwards, even in a programme too
     * small to show any figure (the read happened; it named nobody).
     */
    @Test
    void everyReadThatSaysItIsAuditedIsListedInAudit() {
        say(leader, "4 3 Tried a new huddle");
        submit(coach, JSON.createObjectNode().put("action", "savePeerCoaching").put("everyWeeks", "1")
                .put("weekday", "MONDAY").put("time", "09:00").put("mode", "same-role").put("totalRounds", "2")
                .put("followUpDays", "3").put("groupId", ProgrammeCards.EVERYONE));
        List<String> claimed = new ArrayList<>();
        for (String read : List.of("summary", "themes", "wellbeing", "actions", "participation", "export", "pairs")) {
            int before = auditLines();
            String reply = say(coach, read).toString();
            if (reply.contains("audit")) {
                claimed.add(read);
                assertThat(auditLines()).as("\"" + read + "\" says it is audited").isGreaterThan(before);
            }
        }
        assertThat(claimed).as("the reads that say so").contains("summary", "themes", "pairs");
        assertThat(card(say(coach, "audit")).toString()).contains("Peer-coaching summary")
                .contains("every figure hidden: too few people");
        assertThat(card(say(leader, "who has seen my data")).toString()).as("a read that named nobody names nobody")
                .contains("No one has seen a summary that included your check-ins yet");
    }

    @Test
    void theTeamHelloAndHelpSayToMentionTheBotAndReadCleanly() {
        String teamId = "19:seen-" + coach.aadObjectId().substring(0, 8) + "@thread.tacv2";
        CONNECTOR.setRoster(teamId, List.of());
        String hello = text(teams.expectReplies(teams.teamMembersChanged(teamId, "membersAdded",
                JSON.createObjectNode().put("id", TeamsClient.BOT_ID))).replies());
        assertThat(hello).contains("@mention me").contains("@Waymark enrol").contains("@Waymark help");

        String help = text(teams.expectReplies(teams.teamMessage(coach, teamId, "help")).replies());
        assertThat(help).contains("@mention me").contains("**export** – team reports")
                .doesNotContainPattern("\\S {2,}\\S").doesNotContain(" \n");
    }

    // ---- helpers ----

    private int auditLines() {
        return card(say(coach, "audit")).path("body").size();
    }

    private static JsonNode input(JsonNode card, String id) {
        for (JsonNode element : card.path("body")) {
            if (id.equals(element.path("id").asText())) {
                return element;
            }
        }
        throw new AssertionError("no input " + id + " in " + card);
    }

    private static Map<String, String> facts(JsonNode card) {
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

    private static JsonNode card(List<JsonNode> replies) {
        // The first Adaptive Card: "my data" follows its card with the export itself.
        JsonNode reply = replies.stream().filter(r -> r.path("attachments").path(0).path("contentType").asText()
                .equals("application/vnd.microsoft.card.adaptive")).findFirst()
                .orElseThrow(() -> new AssertionError("no card in " + replies));
        JsonNode card = reply.path("attachments").path(0).path("content");
        CardSchema.assertValidWithChartFallbacks(card);
        return card;
    }
}
