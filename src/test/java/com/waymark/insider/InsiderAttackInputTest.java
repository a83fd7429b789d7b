package com.waymark.insider;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.ErrorLog;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "bad input still ends in 'Sorry, something went wrong'": each input the issue names, posted as Teams posts
 * it, gets a kind answer that says what was wrong and an example that works; nothing is stored, nothing is logged at
 * ERROR and no stack trace reaches the log.
 */
class InsiderAttackInputTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APOLOGY = "something went wrong";
    private static final Pattern NEXT_SESSION_EXAMPLE = Pattern.compile("next session \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    private static final Pattern LEAVE_EXAMPLE = Pattern.compile("(leave|on call) \\d{4}-\\d{2}-\\d{2}( to \\d{4}-\\d{2}-\\d{2})?");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    Chat chat;
    Coach coach;
    Person participant;
    long programmeId;
    ErrorLog errors;

    @BeforeEach
    void coachWithAProgrammeAndAParticipant() {
        // Every turn must run (200): a refusal is an answer, never a failed turn.
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db).requiringOk();
        coach = chat.coach("Priya Raman").agree().createsUnique("Input cohort");
        programmeId = coach.programmeId();
        participant = chat.person("Tom Okafor").agree().joins(coach);
        errors = ErrorLog.open();
    }

    @AfterEach
    void closeLog() {
        errors.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "next session 2026-02-30 14:00 | February 2026 has 28 days, so there's no 2026-02-30",
            "next session 2026-13-01 14:00 | There's no month 13",
            "next session 2027-02-29 14:00 | 2027 isn't a leap year",
            "next session 2099-01-02 24:00 | there's no 24:00 (midnight is 00:00)",
            "next session 2099-01-02 14:60 | An hour has minutes 00 to 59, so there's no 14:60",
            "next session 2099-01-02 13pm | With am or pm the hour runs from 1 to 12",
            "next session 2020-01-06 14:00 | That time has already passed"})
    void anImpossibleSessionDateOrTimeIsExplainedAndNothingIsRecorded(String typed, String explanation) {
        String reply = texts(coach.say(typed));

        assertKindRefusal(reply, explanation);
        assertThat(sessions()).as("no session recorded").isZero();
        Matcher example = NEXT_SESSION_EXAMPLE.matcher(reply);
        assertThat(example.find()).as("an example in: " + reply).isTrue();
        assertThat(texts(coach.say(example.group()))).as("the example works").contains("Recorded the next session");
        assertThat(sessions()).isOne();
        assertThat(errors.events()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "leave 2026-02-30 | February 2026 has 28 days",
            "on call 2026-02-30 | February 2026 has 28 days",
            "leave 2026-13-01 | There's no month 13",
            "on call 2027-02-29 | 2027 isn't a leap year",
            "annual leave 2026-12-00 | There's no day 0",
            "leave 2026-12-21 to 2026-12-01 | The last day, 2026-12-01, comes before the first, 2026-12-21",
            "leave 2026-12-21 to 2026-02-30 | February 2026 has 28 days"})
    void anImpossibleDayAwayIsExplainedAndNothingIsRecorded(String typed, String explanation) {
        String reply = texts(participant.say(typed));

        assertKindRefusal(reply, explanation);
        assertThat(daysAway()).as("no day away recorded").isZero();
        Matcher example = LEAVE_EXAMPLE.matcher(reply);
        assertThat(example.find()).as("an example in: " + reply).isTrue();
        assertThat(texts(participant.say(example.group()))).as("the example works").contains("Noted: no check-ins");
        assertThat(errors.events()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quiet hours 24:00-07:30 | there's no 24:00",
            "quiet hours 21:00-07:60 | there's no 07:60",
            "after 14:60 | there's no 14:60",
            "after 0pm | With am or pm the hour runs from 1 to 12"})
    void anImpossibleTimeOfDayIsExplainedAndNothingChanges(String typed, String explanation) {
        String reply = texts(participant.say(typed));

        assertKindRefusal(reply, explanation);
        assertThat(db.queryForObject("select count(*) from participant_preferences p join participant q "
                + "on q.id = p.participant_id where q.aad_object_id = ? and (p.quiet_from is not null "
                + "or p.not_before is not null)", Integer.class, participant.aadObjectId())).isZero();
        assertThat(errors.events()).isEmpty();
    }

    @Test
    void anImpossibleDateInATeamReportIsExplained() {
        String reply = texts(coach.say("summary since 2026-02-30"));

        assertKindRefusal(reply, "February 2026 has 28 days");
        assertThat(reply).containsPattern("summary since \\d{4}-\\d{2}-\\d{2}");
        assertThat(errors.events()).isEmpty();
    }

    @Test
    void anImpossibleDateInATeamReportInACoachesOnlyChatIsExplained() {
        String teamId = "19:coaches-" + coach.userId().substring(coach.userId().length() - 8) + "@thread.tacv2";
        CONNECTOR.setRoster(teamId, List.of(ConnectorStub.member(coach.userId(), coach.name(), coach.aadObjectId())));

        String reply = texts(coach.sayInTeam(teamId, "wellbeing since 2027-02-29"));

        assertKindRefusal(reply, "2027 isn't a leap year");
        assertThat(errors.events()).isEmpty();
    }

    @Test
    void teamOnlyCommandsInAOneToOneChatAreExplainedAndEnrolNobody() {
        int members = members();
        for (String typed : List.of("enrol", "add people", "enrol everyone")) {
            String reply = texts(coach.say(typed));
            assertKindRefusal(reply, "work in a team or group chat");
            assertThat(reply).contains("join ABC-123");
        }
        String reply = texts(coach.click(Chat.action("enrolSelected")
                .put("participantIds", "29:someone,29:someone-else")));
        assertKindRefusal(reply, "work in a team or group chat");
        assertThat(members()).as("nobody enrolled").isEqualTo(members);
        assertThat(errors.events()).isEmpty();
    }

    @Test
    void anotherProgrammesGroupOnThePickPeopleCardEnrolsNobody() {
        String teamId = "19:input-team-" + coach.userId().substring(coach.userId().length() - 8) + "@thread.tacv2";
        User picked = User.fresh("Picked Person");
        CONNECTOR.setRoster(teamId, List.of(ConnectorStub.member(picked.userId(), picked.name(), picked.aadObjectId())));
        long foreignGroup = db.queryForObject("select id from programme_group where programme_id = ?", Long.class,
                otherCoachesProgramme());

        String reply = texts(coach.clickInTeam(teamId, card("enrolSelected").put("participantIds", picked.userId())
                .put("groupId", foreignGroup)));
        assertThat(reply).doesNotContainIgnoringCase(APOLOGY).contains("That group isn't part of").contains("nobody was added");
        reply = texts(coach.clickInTeam(teamId, card("enrolSelected").put("participantIds", "29:not-in-this-chat")));
        assertThat(reply).contains("None of the people chosen are in this chat");
        assertThat(db.queryForObject("select count(*) from participant where aad_object_id = ?", Integer.class,
                picked.aadObjectId())).as("nobody enrolled, not even half-way").isZero();
        assertThat(errors.events()).isEmpty();
    }

    @Test
    void unknownAndForeignIdsInCardActionsAreExplainedAndChangeNothing() {
        long stranger = Long.MAX_VALUE;
        long otherProgramme = otherCoachesProgramme();
        String before = snapshot();
        List<ObjectNode> submits = List.of(
                card("describeMember").put("participantId", stranger).put("role", "Director"),
                card("describeMember").put("participantId", participant.id()).put("groupId", "-1"),
                card("describeMember").put("participantId", participant.id())
                        .put("lineManagerId", "99999999999999999999"),
                card("correctDetails").put("programmeId", otherProgramme).put("role", "Chair"),
                card("correctDetails").put("programmeId", "banana").put("role", "Chair"),
                card("forbidPair").put("first", stranger).put("second", participant.id()),
                card("forbidPair").put("first", participant.id()).put("second", participant.id()),
                card("pairingFollowUp").put("followUpId", stranger).put("met", "yes").put("usefulness", "5"),
                card("pairingCantThisRound").put("memberId", "0"),
                card("saveSchedule").put("weekdays", "MONDAY").put("time", "09:00").put("groupId", stranger),
                card("saveSchedule").put("weekdays", "MONDAY").put("time", "24:00"),
                card("savePeerCoaching").put("weekday", "MONDAY").put("time", "09:00").put("groupId", "1e9"),
                card("saveProgramme").put("programmeId", programmeId).put("name", "Renamed")
                        .put("startsOn", "2026-02-30"),
                card("saveProgramme").put("name", "New one").put("startsOn", "2027-01-10").put("endsOn", "2027-01-01"));
        for (ObjectNode data : submits) {
            String reply = texts(coach.click(data));
            assertThat(reply).as(data.toString()).isNotBlank().doesNotContainIgnoringCase(APOLOGY);
        }
        for (ObjectNode data : List.of(card("pairingFollowUp").put("followUpId", "-7").put("met", "yes"),
                card("pairingCantThisRound").put("memberId", stranger),
                card("checkin").put("wellbeing", "4").put("energy", "4").put("programmeId", otherProgramme)
                        .put("occurrenceId", stranger).put("reflection", "x").put("wellbeing", "9"))) {
            assertThat(texts(participant.click(data))).as(data.toString()).isNotBlank().doesNotContainIgnoringCase(APOLOGY);
        }
        assertThat(snapshot()).as("nothing stored or changed").isEqualTo(before);
        assertThat(errors.events()).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void assertKindRefusal(String reply, String explanation) {
        assertThat(reply).doesNotContainIgnoringCase(APOLOGY).contains(explanation).contains("for example:");
    }

    /** Every text a person reads in the replies, cards' included. */
    private static String texts(List<JsonNode> replies) {
        return replies.stream().flatMap(r -> r.findValuesAsText("text").stream()).collect(Collectors.joining("\n"));
    }

    private static ObjectNode card(String action) {
        return Chat.action(action);
    }

    /** Another coach's programme, with one group of theirs. */
    private long otherCoachesProgramme() {
        return chat.coach("Other Coach").createsUnique("Elsewhere").addsGroup("Their group").programmeId();
    }

    private int sessions() {
        return db.queryForObject("select count(*) from coaching_session where programme_id = ?", Integer.class,
                programmeId);
    }

    private int daysAway() {
        return db.queryForObject("select count(*) from unavailable_day d join participant p on p.id = d.participant_id "
                + "where p.aad_object_id = ?", Integer.class, participant.aadObjectId());
    }

    private int members() {
        return db.queryForObject("select count(*) from membership where programme_id = ?", Integer.class, programmeId);
    }

    /** Everything a bad card could have written for these two people or this programme. */
    private String snapshot() {
        return String.join("; ",
                db.queryForList("select coalesce(role, '') || '/' || coalesce(organisation, '') || '/' || coalesce(group_id, 0) || '/' "
                        + "|| coalesce(line_manager_id, 0) from membership where programme_id = ? order by id",
                        String.class, programmeId).toString(),
                db.queryForList("select name || '/' || coalesce(starts_on, date '2000-01-01') from programme "
                        + "where id = ? or name = 'New one'", String.class, programmeId).toString(),
                count("forbidden_pair"), count("checkin_schedule"), count("pairing_plan"),
                db.queryForObject("select count(*) from check_in c join participant p on p.id = c.participant_id "
                        + "where p.aad_object_id = ?", Integer.class, participant.aadObjectId()).toString());
    }

    private String count(String table) {
        return table + "=" + db.queryForObject("select count(*) from " + table + " where programme_id = ?",
                Integer.class, programmeId);
    }
}
