package com.waymark.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.bench.ConnectorStub;
import com.waymark.pairing.PairingRounds;
import com.waymark.support.Chat;
import com.waymark.support.Chat.Coach;
import com.waymark.support.Chat.Cohort;
import com.waymark.support.Chat.Person;
import com.waymark.support.ClockedIntegrationTest;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import com.waymark.outbox.DeliveryWorker;

/**
 * Check-ins and peer coaching arrive when people were told they would (issue 19, items 7 to 11), over HTTP as Teams
 * posts, with a hand-moved clock: the programme's dates, leaving a programme or its team, resuming after a pause, every
 * send checked against the person's own clock when it goes, and days away recorded rather than silently lost.
 * Every time here is in Europe/London, which is UTC in winter.
 */
class PromisedTimesTest extends ClockedIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    CheckInPlanner planner;
    @Autowired
    CheckInTicker ticker;
    @Autowired
    PairingRounds rounds;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    JdbcTemplate db;

    TeamsClient teams;
    Chat chat;
    Coach coach;
    String programmeName;
    long programmeId;

    @BeforeEach
    void connector() {
        CONNECTOR.reset();
        teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        chat = new Chat(teams, db);
    }

    @AfterEach
    void quietRhythms() {
        // One test's rhythms and plans must not send anything while a later test moves the clock.
        db.update("update checkin_schedule set active = false");
        db.update("update pairing_plan set active = false");
        db.update("update checkin_occurrence set status = 'SKIPPED' where status = 'PLANNED'");
        db.update("update outbox_message set status = 'CANCELLED' where status = 'PENDING'");
    }

    // --- 7. the programme's dates ------------------------------------------------------------------------------

    @Test
    void checkInsAndPeerRoundsRunOnlyBetweenTheProgrammesStartAndEndDates() {
        CLOCK.set(Instant.parse("2026-11-08T12:00:00Z")); // a Sunday
        List<Person> people = programme(4);
        JsonNode settingsCard = coach.say("edit programme").get(0)
                .path("attachments").path(0).path("content");
        ObjectNode dates = JSON.createObjectNode().put("action", "saveProgramme")
                .put("programmeId", settingsCard.path("actions").path(0).path("data").path("programmeId").asText())
                .put("name", programmeName).put("timeZone", "Europe/London")
                .put("startsOn", "2026-11-16").put("endsOn", "2026-11-27").put("threshold", "5")
                .put("retentionDays", "365");
        assertThat(coach.click(dates).shown()).contains("Saved the settings");
        assertThat(coach.say("edit programme").get(0).toString())
                .contains("run only between these dates: from 00:00 on the first day to 23:59 on the last");
        setRhythm("MONDAY", "09:00", "48", "24");
        savePeerPlan();
        assertThat(coach.say("peer coaching").get(0).toString())
                .as("the first round on the start date").contains("round 1 on Monday 16 Nov at 09:00");
        assertThat(coach.say("pair now").text()).contains("runs from 16 November 2026 to 27 November 2026")
                .contains("peer-coaching rounds and check-ins run only between its dates").contains("Nothing was run");

        for (String monday : List.of("2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30")) {
            CLOCK.set(Instant.parse(monday + "T06:00:00Z"));
            planner.planAll();
            CLOCK.set(Instant.parse(monday + "T09:00:00Z"));
            run();
        }
        List<String> promptDays = CONNECTOR.sentActivities().stream()
                .map(a -> a.path(ConnectorStub.IDEMPOTENCY_PROPERTY).asText()).filter(k -> k.startsWith("prompt:"))
                .map(k -> k.substring(k.length() - "2026-11-16".length())).distinct().sorted().toList();
        assertThat(promptDays).as("before the start and after the end: nothing").containsExactly("2026-11-16", "2026-11-23");
        assertThat(sentTo(people, "prompt:")).hasSize(8);
        assertThat(db.queryForList("select run_at from pairing_round where programme_id = ? order by run_at",
                Timestamp.class, programmeId).stream().map(t -> t.toInstant().toString()).toList())
                .containsExactly("2026-11-16T09:00:00Z", "2026-11-23T09:00:00Z");
        assertThat(coach.say("peer coaching").get(0).toString())
                .contains("2 run so far; no further round falls within the programme's dates");
        assertThat(db.queryForObject("select count(*) from checkin_occurrence where programme_id = ? and nominal_at < ?",
                Integer.class, programmeId, Timestamp.from(Instant.parse("2026-11-16T00:00:00Z")))).isZero();
    }

    // --- 8. leaving a programme, or its team ---------------------------------------------------------------------

    @Test
    void leavingTheProgrammeCancelsItsPlannedAndQueuedCheckInsRemindersAndPeerFollowUps() {
        CLOCK.set(Instant.parse("2026-12-06T12:00:00Z")); // a Sunday
        List<Person> people = programme(4);
        Person leaver = people.get(0);
        setRhythm("MONDAY", "09:00", "48", "24");
        savePeerPlan();
        assertThat(coach.say("pair now").text()).contains("the pairs are formed");
        worker.drainAll();
        assertThat(sentTo(List.of(leaver), "pairing:")).hasSize(1);
        assertThat(db.queryForObject("select count(*) from pairing_follow_up where participant_id = ? and status = "
                + "'PLANNED'", Integer.class, leaver.id())).isOne();

        CLOCK.set(Instant.parse("2026-12-07T09:00:00Z"));
        ticker.tick(); // Monday's prompts are in the outbox, not yet sent
        assertThat(pendingFor(leaver)).isOne();
        String reply = leaver.say("leave programme " + programmeName).text();
        assertThat(reply).contains("You won't get its check-ins or pairings any more")
                .contains("those already planned, their reminders and any peer-coaching follow-up are cancelled");
        assertThat(pendingFor(leaver)).as("the queued prompt went with the leaving").isZero();
        assertThat(db.queryForList("select distinct status from checkin_occurrence where participant_id = ?",
                String.class, leaver.id())).containsExactly("CANCELLED");
        assertThat(db.queryForList("select status from pairing_follow_up where participant_id = ?", String.class,
                leaver.id())).containsExactly("CANCELLED");

        CONNECTOR.reset();
        for (String at : List.of("2026-12-07T09:00:00Z", "2026-12-08T09:00:00Z", "2026-12-09T12:00:00Z",
                "2026-12-14T09:00:00Z")) {
            CLOCK.set(Instant.parse(at));
            planner.planAll();
            run();
        }
        assertThat(sentTo(List.of(leaver), "")).as("nothing at all after leaving").isEmpty();
        assertThat(sentTo(people.subList(1, 4), "prompt:")).as("the others still get theirs").hasSize(6);
        assertThat(sentTo(people.subList(1, 4), "pairing-followup:")).isNotEmpty();
    }

    @Test
    void removalFromTheTeamThatEnrolledThemCancelsWhatWasPlannedToo() {
        CLOCK.set(Instant.parse("2027-01-10T12:00:00Z")); // a Sunday
        coach = chat.coach(Chat.uniqueName("Coach")).createsUnique("Cohort");
        programmeName = coach.programme();
        String teamId = "19:team-" + UUID.randomUUID() + "@thread.tacv2";
        // Enrolled from the team's roster: known to the bot, not yet having installed or agreed.
        Person member = chat.as(User.fresh("Team Leader " + UUID.randomUUID().toString().substring(0, 4)));
        CONNECTOR.setRoster(teamId, List.of(ConnectorStub.member(member.userId(), member.name(), member.aadObjectId())));
        CONNECTOR.capPageSize(500);
        teams.expectReplies(teams.teamMembersChanged(teamId, "membersAdded",
                JSON.createObjectNode().put("id", TeamsClient.BOT_ID)));
        coach.sayInTeam(teamId, "enrol");
        CONNECTOR.awaitSent(1, ConnectorStub.PATIENCE, a -> a.path("text").asText().startsWith("Enrolment into"));
        member.agree();
        setRhythm("MONDAY", "09:00", "48", "24");
        assertThat(db.queryForList("select status from checkin_occurrence where participant_id = ?", String.class,
                member.id())).containsExactly("PLANNED");

        teams.expectReplies(teams.teamMembersChanged(teamId, "membersRemoved",
                ConnectorStub.member(member.userId(), member.name(), member.aadObjectId())));
        assertThat(db.queryForList("select status from checkin_occurrence where participant_id = ?", String.class,
                member.id())).containsExactly("CANCELLED");
        CONNECTOR.reset();
        CLOCK.set(Instant.parse("2027-01-11T09:00:00Z"));
        planner.planAll();
        run();
        assertThat(db.queryForObject("select count(*) from outbox_message where participant_id = ? and status "
                + "in ('PENDING', 'SENT')", Integer.class, member.id())).isZero();
    }

    // --- 9. resume ----------------------------------------------------------------------------------------------

    @Test
    void resumeBringsBackTheNextCheckInThatThePauseHadSkipped() {
        CLOCK.set(Instant.parse("2027-02-07T12:00:00Z")); // a Sunday
        List<Person> people = programme(2);
        Person pauser = people.get(0);
        setRhythm("MONDAY", "09:00", "48", "24");
        assertThat(pauser.say("pause 2 weeks").text()).contains("Paused for 2 weeks");
        assertThat(pauser.say("my schedule").text()).contains("No check-in is planned");

        CLOCK.set(Instant.parse("2027-02-07T18:00:00Z"));
        assertThat(pauser.say("resume").text()).isEqualTo("Welcome back – check-ins are on again from the next one: "
                + "Monday 8 Feb at 09:00.");
        CLOCK.set(Instant.parse("2027-02-08T09:00:00Z"));
        run();
        assertThat(sentTo(List.of(pauser), "prompt:")).as("the next one really comes").hasSize(1);

        // Paused over a check-in and back the day after: the one that opened during the pause stays skipped.
        assertThat(pauser.say("skip").text()).contains("Skipped");
        CLOCK.set(Instant.parse("2027-02-14T12:00:00Z"));
        planner.planAll();
        assertThat(pauser.say("pause 1 week").text()).contains("Paused");
        CLOCK.set(Instant.parse("2027-02-15T09:00:00Z"));
        run();
        CLOCK.set(Instant.parse("2027-02-16T10:00:00Z"));
        assertThat(pauser.say("resume").text()).startsWith("Welcome back – check-ins are on again from the next one");
        run();
        assertThat(sentTo(List.of(pauser), "prompt:")).as("nothing from the pause arrives late").hasSize(1);
        CLOCK.set(Instant.parse("2027-02-22T06:00:00Z"));
        planner.planAll();
        CLOCK.set(Instant.parse("2027-02-22T09:00:00Z"));
        run();
        assertThat(sentTo(List.of(pauser), "prompt:")).hasSize(2);
    }

    // --- 10. every send on the person's own clock ---------------------------------------------------------------

    @Test
    void aCheckInStillOpenAfterDowntimeOrALateAgreementWaitsForTheEndOfQuietHours() {
        CLOCK.set(Instant.parse("2027-03-07T12:00:00Z")); // a Sunday
        List<Person> people = programme(1);
        Person sleeper = people.get(0);
        assertThat(sleeper.say("quiet hours 21:00-07:30").text()).contains("anything due then waits until 07:30");
        setRhythm("MONDAY", "09:00", "48", "24");
        Person late = chat.person(Chat.uniqueName("Late Agreer"));

        // Down from Sunday noon to Monday 22:00; the late agreer says "I agree" at 23:00 and sets quiet hours.
        CLOCK.set(Instant.parse("2027-03-08T22:00:00Z"));
        run();
        assertThat(sentTo(List.of(sleeper), "prompt:")).as("22:00 is in their quiet hours").isEmpty();
        CLOCK.set(Instant.parse("2027-03-08T23:00:00Z"));
        late.agree();
        assertThat(late.say("quiet hours 22:00-08:00").text()).contains("22:00");
        assertThat(late.say("join " + coach.joinCode()).text()).contains("Welcome to");
        planner.planAll();
        run();
        assertThat(sentTo(List.of(late), "prompt:")).as("not that morning's check-in at once, at 23:00").isEmpty();

        CLOCK.set(Instant.parse("2027-03-09T07:29:00Z"));
        run();
        assertThat(sentTo(List.of(sleeper, late), "prompt:")).isEmpty();
        CLOCK.set(Instant.parse("2027-03-09T07:30:00Z"));
        run();
        assertThat(sentTo(List.of(sleeper), "prompt:")).as("when their quiet hours end").hasSize(1);
        assertThat(sentTo(List.of(late), "prompt:")).isEmpty();
        CLOCK.set(Instant.parse("2027-03-09T08:00:00Z"));
        run();
        assertThat(sentTo(List.of(late), "prompt:")).hasSize(1);
    }

    @Test
    void aSnoozeIntoQuietHoursComesBackWhenTheyEnd() {
        CLOCK.set(Instant.parse("2027-04-04T12:00:00Z")); // a Sunday (BST from 28 March: London is UTC+1)
        List<Person> people = programme(1);
        Person snoozer = people.get(0);
        assertThat(snoozer.say("quiet hours 21:00-07:30").text()).contains("21:00");
        setRhythm("MONDAY", "19:00", "48", "0");
        CLOCK.set(Instant.parse("2027-04-05T18:00:00Z")); // 19:00 in London
        run();
        assertThat(sentTo(List.of(snoozer), "prompt:")).hasSize(1);

        CLOCK.set(Instant.parse("2027-04-05T19:00:00Z")); // 20:00
        assertThat(snoozer.say("snooze 2h").text()).isEqualTo("Snoozed. I'll bring this check-in back Tuesday 6 Apr at "
                + "07:30, the first time after that outside your quiet hours and days away.");
        CLOCK.set(Instant.parse("2027-04-05T21:00:00Z")); // 22:00, when the snooze was asked to end
        run();
        assertThat(sentTo(List.of(snoozer), "reminder:")).isEmpty();
        CLOCK.set(Instant.parse("2027-04-06T06:30:00Z")); // 07:30
        run();
        assertThat(sentTo(List.of(snoozer), "reminder:")).hasSize(1);
    }

    @Test
    void aPeerFollowUpQueuedBeforeADayAwayWaitsForTheirNextDayAtTheSameTime() {
        CLOCK.set(Instant.parse("2027-05-02T12:00:00Z")); // a Sunday (BST)
        List<Person> people = programme(2);
        Person away = people.get(0);
        savePeerPlan();
        assertThat(coach.say("pair now").text()).contains("the pairs are formed");
        worker.drainAll();
        CLOCK.set(Instant.parse("2027-05-05T12:00:00Z")); // Wednesday 13:00, three days on: the follow-up's day
        rounds.tick(); // both follow-ups queued
        assertThat(away.say("on call 2027-05-05").text()).contains("Noted: no check-ins on 2027-05-05")
                .contains("Reminders and other messages from me wait for a day you're here");
        worker.drainAll();
        assertThat(sentTo(List.of(people.get(1)), "pairing-followup:")).hasSize(1);
        assertThat(sentTo(List.of(away), "pairing-followup:")).as("checked when sent, not only when queued").isEmpty();
        assertThat(db.queryForObject("select due_at from outbox_message where participant_id = ? and idempotency_key "
                + "like 'pairing-followup:%'", Timestamp.class, away.id()).toInstant())
                .isEqualTo(Instant.parse("2027-05-06T12:00:00Z"));
        CLOCK.set(Instant.parse("2027-05-06T11:59:00Z"));
        worker.drainAll();
        assertThat(sentTo(List.of(away), "pairing-followup:")).isEmpty();
        CLOCK.set(Instant.parse("2027-05-06T12:00:00Z"));
        worker.drainAll();
        assertThat(sentTo(List.of(away), "pairing-followup:")).hasSize(1);
    }

    // --- 11. days away: reminders, and check-ins recorded as away rather than lost -----------------------------

    @Test
    void twoWeeksOfLeaveRecordCheckInsAsAwayAndARemindersNeverLandsOnADayOff() {
        CLOCK.set(Instant.parse("2027-01-24T12:00:00Z")); // a Sunday
        List<Person> people = programme(2);
        Person onLeave = people.get(0);
        Person noTuesdays = people.get(1);
        assertThat(onLeave.say("leave 2027-02-01 to 2027-02-14").text()).contains("if that comes within 6 days")
                .contains("recorded as \"away\" (not missed) and not sent");
        assertThat(noTuesdays.say("not tuesdays").text()).contains("Check-ins won't come on Tuesdays")
                .contains("Reminders and other messages from me wait for a day you're here");
        setRhythm("MONDAY", "09:00", "72", "24");

        for (String day : List.of("2027-01-25", "2027-01-26", "2027-01-27", "2027-02-01", "2027-02-02", "2027-02-08",
                "2027-02-15")) {
            CLOCK.set(Instant.parse(day + "T06:00:00Z"));
            planner.planAll();
            CLOCK.set(Instant.parse(day + "T09:00:00Z"));
            run();
        }
        assertThat(db.queryForList("select o.status from checkin_occurrence o where o.participant_id = ? "
                + "order by o.nominal_at", String.class, onLeave.id()))
                .as("25 Jan missed; 1 and 8 Feb away, not lost; 15 Feb sent")
                .containsExactly("MISSED", "AWAY", "AWAY", "SENT");
        assertThat(sentTo(List.of(onLeave), "prompt:")).hasSize(2);

        // The one who said no to Tuesdays: Monday's reminder, due Tuesday 09:00, comes on Wednesday at 09:00.
        List<String> reminders = db.queryForList("select o.remind_at from checkin_occurrence o where o.participant_id = ?"
                + " order by o.nominal_at", Timestamp.class, noTuesdays.id()).stream()
                .map(t -> t == null ? "none" : t.toInstant().toString()).toList();
        assertThat(reminders.get(0)).isEqualTo("2027-01-27T09:00:00Z");
        List<java.time.DayOfWeek> sentOn = db.queryForList("select sent_at from outbox_message where participant_id = ?"
                + " and kind = 'CHECKIN_REMINDER' and status = 'SENT'", Timestamp.class, noTuesdays.id()).stream()
                .map(t -> t.toInstant().atZone(java.time.ZoneId.of("Europe/London")).getDayOfWeek()).toList();
        assertThat(sentOn).as("reminders sent, never on a Tuesday").contains(java.time.DayOfWeek.WEDNESDAY)
                .doesNotContain(java.time.DayOfWeek.TUESDAY);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** A fresh coach and programme with {@code size} people who agreed to the notice, with roles and organisations. */
    List<Person> programme(int size) {
        Cohort cohort = chat.cohort("Cohort", size);
        coach = cohort.coach();
        programmeName = coach.programme();
        programmeId = coach.programmeId();
        for (int i = 0; i < size; i++) {
            coach.describes(cohort.member(i), i % 2 == 0 ? "Chair" : "Chief executive", "Trust " + i, null, null);
        }
        return cohort.members();
    }

    void setRhythm(String weekday, String time, String openHours, String remindAfterHours) {
        ObjectNode save = JSON.createObjectNode().put("action", "saveSchedule").put("everyWeeks", "1")
                .put("weekdays", weekday).put("time", time).put("openHours", openHours)
                .put("remindAfterHours", remindAfterHours).put("groupId", "");
        assertThat(coach.click(save).shown()).contains("Saved: check-ins").contains("between the programme's start and end dates");
    }

    void savePeerPlan() {
        ObjectNode save = JSON.createObjectNode().put("action", "savePeerCoaching").put("everyWeeks", "1")
                .put("weekday", "MONDAY").put("time", "09:00").put("mode", "progression").put("totalRounds", "6")
                .put("followUpDays", "3").put("groupId", "");
        assertThat(coach.click(save).shown()).startsWith("Saved: peer coaching");
    }

    void run() {
        ticker.tick();
        rounds.tick();
        worker.drainAll();
    }

    int pendingFor(Person user) {
        return db.queryForObject("select count(*) from outbox_message where participant_id = ? and status = 'PENDING'",
                Integer.class, user.id());
    }

    /** What the connector received in these people's 1:1 chats, whose idempotency key starts with the prefix. */
    List<JsonNode> sentTo(List<Person> users, String keyPrefix) {
        List<String> ids = users.stream().map(Person::conversationId).toList();
        return CONNECTOR.sentActivities().stream()
                .filter(a -> ids.contains(a.path("conversation").path("id").asText()))
                .filter(a -> a.path(ConnectorStub.IDEMPOTENCY_PROPERTY).asText().startsWith(keyPrefix))
                .toList();
    }
}
