package com.waymark.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.support.CardSchema;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Person;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.waymark.programme.ProgrammeSetupTest.cardOf;
import static com.waymark.programme.ProgrammeSetupTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The three ways in (roster, join code, coach's card), paging, duplicates, removal and several programmes. */
class EnrolmentTest extends WaymarkIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    Chat chat;
    TeamsClient teams;
    Coach coach;
    String teamId;

    @BeforeEach
    void coachWithProgramme() {
        chat = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), db);
        teams = chat.teams();
        coach = chat.coach("Coach Ama Boateng").createsUnique("Cohort");
        teamId = "19:team-" + UUID.randomUUID() + "@thread.tacv2";
    }

    @Test
    void rosterImportPagesThroughTheTeamAndWelcomesEachPersonOnce() {
        User alreadyUsingWaymark = chat.person("Existing User").user();
        List<User> newcomers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            newcomers.add(User.fresh("Leader " + i));
        }
        List<ObjectNode> roster = new ArrayList<>();
        newcomers.forEach(u -> roster.add(member(u)));
        roster.add(member(alreadyUsingWaymark));
        roster.add(member(coach.user()));
        roster.add(ConnectorStub.member(TeamsClient.BOT_ID, "Waymark", UUID.randomUUID().toString()));
        CONNECTOR.setRoster(teamId, roster);
        CONNECTOR.capPageSize(3);
        CONNECTOR.reset();

        List<JsonNode> replies = coach.sayInTeam(teamId, "enrol");
        assertThat(text(replies)).contains("Enrolling 8 people");

        List<JsonNode> summary = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                a -> a.path("text").asText().startsWith("Enrolment into"));
        assertThat(summary).hasSize(1);
        assertThat(summary.get(0).path("text").asText()).contains("6 welcomed")
                .contains("1 already using Waymark").contains("1 on the coaching team");
        long pages = CONNECTOR.calls().stream().filter(c -> c.path().endsWith("/pagedmembers")).count();
        assertThat(pages).isEqualTo(3);
        assertThat(CONNECTOR.calls().stream().filter(c -> c.method().equals("POST")
                && c.path().equals("/v3/conversations"))).hasSize(7);

        for (User newcomer : newcomers) {
            List<JsonNode> toThem = CONNECTOR.sentActivities().stream()
                    .filter(a -> a.path("conversation").path("id").asText().equals("a:1on1-" + newcomer.userId()))
                    .toList();
            assertThat(toThem).hasSize(2);
            assertThat(toThem.get(0).path("text").asText()).contains("has added you to \"Cohort");
            assertThat(CardSchema.assertCardsValid(toThem.get(1))).isEqualTo(1);
            assertThat(toThem.get(1).toString()).contains("Welcome to Waymark");
        }
        List<JsonNode> toExisting = CONNECTOR.sentActivities().stream().filter(a -> a.path("conversation")
                .path("id").asText().equals("a:1on1-" + alreadyUsingWaymark.userId())).toList();
        assertThat(toExisting).hasSize(1);
        assertThat(toExisting.get(0).toString()).doesNotContain("Welcome to Waymark");

        // Their 1:1 conversation is stored for later proactive messages.
        assertThat(db.queryForObject("select conversation_reference from participant where aad_object_id = ?",
                String.class, newcomers.get(0).aadObjectId())).contains("a:1on1-" + newcomers.get(0).userId());

        // Running it again welcomes nobody twice.
        CONNECTOR.reset();
        coach.sayInTeam(teamId, "enrol");
        List<JsonNode> again = CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE,
                a -> a.path("text").asText().startsWith("Enrolment into"));
        assertThat(again.get(0).path("text").asText()).contains("0 welcomed").contains("7 already in the programme");
        assertThat(CONNECTOR.calls().stream().filter(c -> c.path().equals("/v3/conversations"))).isEmpty();
    }

    @Test
    void joinCodeMyProgrammesAndLeaving() {
        String code = joinCode();
        Person leader = chat.person("Nia Roberts");

        assertThat(text(leader.say("join xyz-999"))).contains("don't recognise the code");
        assertThat(text(leader.say("join " + code.toLowerCase().replace("-", " ")))).contains("Welcome to \"Cohort");
        assertThat(text(leader.say("join " + code))).contains("already taking part");

        // A second programme: every message says which one it is about.
        chat.coach("Coach Two").creates("Board development 2026");
        String second = db.queryForObject("select join_code from programme where name = 'Board development 2026' "
                + "order by id desc limit 1", String.class);
        leader.join(second);
        JsonNode mine = cardOf(leader.say("my programmes"));
        assertThat(mine.toString()).contains("Board development 2026 – taking part").contains("Cohort");

        assertThat(text(leader.say("leave programme board development 2026")))
                .contains("You have left \"Board development 2026\"");
        assertThat(cardOf(leader.say("my programmes")).toString()).contains("Board development 2026 – left");
        assertThat(db.queryForObject("select count(*) from membership m join participant p on p.id = m.participant_id "
                + "where p.aad_object_id = ? and m.status = 'ACTIVE'", Integer.class, leader.user().aadObjectId())).isEqualTo(1);
    }

    @Test
    void coachDescribesPeopleAndTheyCanCorrectIt() {
        Person leader = chat.person("Ravi Chandra").agree().join(joinCode());
        coach.say("add group East place board");
        long groupId = db.queryForObject("select g.id from programme_group g join programme_staff s on "
                + "s.programme_id = g.programme_id join participant p on p.id = s.participant_id "
                + "where p.aad_object_id = ?", Long.class, coach.user().aadObjectId());
        long leaderId = leader.id();

        JsonNode peopleCard = cardOf(coach.say("people"));
        assertThat(peopleCard.toString()).contains("Ravi Chandra").contains("Describe someone");

        ObjectNode describe = ProgrammeSetupTest.JSON.createObjectNode().put("action", "describeMember")
                .put("participantId", Long.toString(leaderId)).put("role", "Director of nursing")
                .put("organisation", "Riverside Hospitals NHS FT").put("groupId", Long.toString(groupId))
                .put("lineManagerId", "");
        assertThat(text(coach.click(describe)))
                .contains("Director of nursing, Riverside Hospitals NHS FT, group East place board");

        JsonNode details = cardOf(leader.say("my details"));
        assertThat(details.toString()).contains("Director of nursing").contains("East place board");
        String programmeId = details.path("actions").path(0).path("data").path("programmeId").asText();
        ObjectNode correct = ProgrammeSetupTest.JSON.createObjectNode().put("action", "correctDetails")
                .put("programmeId", programmeId).put("role", "Chief nurse").put("organisation",
                        "Riverside Hospitals NHS FT");
        assertThat(text(leader.click(correct))).contains("Chief nurse");
        assertThat(db.queryForObject("select role from membership where participant_id = ?", String.class, leaderId))
                .isEqualTo("Chief nurse");

        // A junk submit changes nothing and says why.
        ObjectNode junk = describe.deepCopy().put("participantId", "not-a-number");
        assertThat(text(coach.click(junk))).contains("choose a person");
        ObjectNode selfManaged = describe.deepCopy().put("lineManagerId", Long.toString(leaderId));
        assertThat(text(coach.click(selfManaged)))
                .contains("line manager must be someone else");
    }

    @Test
    void coachPicksPeopleFromTheRosterOnACard() {
        User a = User.fresh("Picked One");
        User b = User.fresh("Picked Two");
        User c = User.fresh("Not Picked");
        CONNECTOR.setRoster(teamId, List.of(member(a), member(b), member(c)));
        CONNECTOR.capPageSize(500);
        coach.say("add group Action learning set 2");

        List<JsonNode> replies = coach.sayInTeam(teamId, "add people");
        JsonNode card = cardOf(replies);
        assertThat(card.toString()).contains("Picked One").contains("Not Picked").contains("isMultiSelect");
        String groupId = card.findValues("choices").get(1).path(1).path("value").asText();

        CONNECTOR.reset();
        ObjectNode submit = ProgrammeSetupTest.JSON.createObjectNode().put("action", "enrolSelected")
                .put("participantIds", a.userId() + "," + b.userId()).put("groupId", groupId);
        assertThat(text(coach.clickInTeam(teamId, submit)))
                .contains("Enrolling 2 people");
        CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE, x -> x.path("text").asText().startsWith("Enrolment into"));
        assertThat(db.queryForObject("select count(*) from membership m join participant p on p.id = m.participant_id "
                + "where p.aad_object_id in (?, ?) and m.group_id = ? and m.enrolled_via = 'CARD'", Integer.class,
                a.aadObjectId(), b.aadObjectId(), Long.valueOf(groupId))).isEqualTo(2);
        assertThat(db.queryForObject("select count(*) from participant where aad_object_id = ?", Integer.class,
                c.aadObjectId())).isZero();
    }

    @Test
    void removalFromTheTeamAndRemovalOfTheBotAreHandled() {
        User leaver = User.fresh("Leaving Leader");
        CONNECTOR.setRoster(teamId, List.of(member(leaver)));
        CONNECTOR.capPageSize(500);
        ObjectNode botAdded = teams.teamMembersChanged(teamId, "membersAdded",
                ProgrammeSetupTest.JSON.createObjectNode().put("id", TeamsClient.BOT_ID));
        assertThat(text(teams.expectReplies(botAdded).replies())).contains("enrol");
        assertThat(teams.expectReplies(botAdded).replies()).as("the hello goes out once").isEmpty();
        coach.sayInTeam(teamId, "enrol");
        CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE, x -> x.path("text").asText().contains("Enrolment into")
                && x.path("conversation").path("id").asText().startsWith(teamId));

        assertThat(teams.expectReplies(teams.teamMembersChanged(teamId, "membersRemoved", member(leaver)))
                .status()).isBetween(200, 299);
        assertThat(db.queryForObject("select status from membership where participant_id = ?", String.class,
                participantId(leaver))).isEqualTo("REMOVED");

        teams.expectReplies(teams.teamMembersChanged(teamId, "membersRemoved",
                ProgrammeSetupTest.JSON.createObjectNode().put("id", TeamsClient.BOT_ID)));
        assertThat(db.queryForObject("select active from team_link where team_id = ?", Boolean.class, teamId)).isFalse();
    }

    @Test
    void teamChatNeverStoresOrEchoesPersonalThings() {
        List<JsonNode> replies = coach.sayInTeam(teamId, "4 2 awful week");
        assertThat(text(replies)).contains("1:1 chat").doesNotContain("awful");
        assertThat(db.queryForObject("select count(*) from check_in c join participant p on p.id = c.participant_id "
                + "where p.aad_object_id = ?", Integer.class, coach.user().aadObjectId())).isZero();
        User stranger = User.fresh("Not A Coach");
        assertThat(text(teams.expectReplies(teams.teamMessage(stranger, teamId, "enrol")).replies()))
                .contains("don't coach a programme");
    }

    String joinCode() {
        return db.queryForObject("select p.join_code from programme p join programme_staff s on s.programme_id = p.id "
                + "join participant u on u.id = s.participant_id where u.aad_object_id = ?", String.class,
                coach.user().aadObjectId());
    }

    long participantId(User user) {
        return db.queryForObject("select id from participant where aad_object_id = ?", Long.class, user.aadObjectId());
    }

    static ObjectNode member(User user) {
        return ConnectorStub.member(user.userId(), user.name(), user.aadObjectId());
    }
}
