package com.waymark;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.waymark.checkin.ActionPlanService;
import com.waymark.checkin.CheckInResult;
import com.waymark.checkin.CheckInService;
import com.waymark.checkin.CheckInSubmission;
import com.waymark.pairing.PeerCoachingParticipation;
import com.waymark.privacy.ConsentRequired;
import com.waymark.privacy.ConsentService;
import com.waymark.programme.ParticipantService;
import com.waymark.programme.TeamsIdentity;
import com.waymark.schedule.PersonalScheduleService;
import com.waymark.schedule.AwayReason;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Consent is checked where data is recorded, not only in the chat: every service that records a person's own data
 * refuses with {@link ConsentRequired} and stores nothing until they agree, whoever calls it; the chat still answers
 * such a command with the privacy notice, as before.
 */
class ConsentAtTheBoundaryTest extends WaymarkIntegrationTest {

    /** Every table these services write a person's data to, by the column naming the person. */
    private static final Map<String, String> PERSONAL_TABLES = Map.of("check_in", "participant_id",
            "action_item", "participant_id",
            "participant_preferences", "participant_id", "unavailable_day", "participant_id",
            "pairing_follow_up", "participant_id");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    ParticipantService participants;
    @Autowired
    ConsentService consent;
    @Autowired
    CheckInService checkIns;
    @Autowired
    ActionPlanService actions;
    @Autowired
    PersonalScheduleService schedule;
    @Autowired
    PeerCoachingParticipation peerCoaching;

    @Test
    void everyRecordingServiceRefusesBeforeConsentAndStoresNothing() {
        long id = stranger();
        List<Consumer<Long>> writes = List.of(
                p -> checkIns.record(p, new CheckInSubmission("4", "3", null, "A private reflection", true,
                        CheckInSubmission.Source.TEXT, null, null)),
                p -> actions.add(p, "Walk the floor with the night team"),
                p -> actions.complete(p, 1),
                p -> actions.block(p, 1, "Rota gaps"),
                p -> schedule.quietHours(p, LocalTime.of(21, 0), LocalTime.of(7, 0)),
                p -> schedule.notBefore(p, LocalTime.of(9, 0)),
                p -> schedule.timeZone(p, ZoneId.of("Europe/Paris")),
                p -> schedule.excludeWeekday(p, java.time.DayOfWeek.FRIDAY, true),
                p -> schedule.away(p, LocalDate.of(2031, 1, 6), LocalDate.of(2031, 1, 7), AwayReason.LEAVE),
                p -> schedule.pause(p, 1),
                p -> schedule.resume(p),
                p -> schedule.skip(p),
                p -> schedule.snooze(p, Duration.ofHours(2)),
                p -> peerCoaching.answer(p, 1L, "yes", "5", "Their words about a partner"));
        for (Consumer<Long> write : writes) {
            assertThatThrownBy(() -> write.accept(id)).isInstanceOf(ConsentRequired.class)
                    .satisfies(refused -> assertThat(((ConsentRequired) refused).participantId()).isEqualTo(id));
        }
        PERSONAL_TABLES.forEach((table, column) -> assertThat(rows(table, column, id)).as(table).isZero());
        assertThat(db.queryForObject("select time_zone from participant where id = ?", String.class, id))
                .isEqualTo("Europe/London");
    }

    @Test
    void onceTheyAgreeTheSameCallsRecord() {
        long id = stranger();
        consent.consent(id);
        assertThat(checkIns.record(id, new CheckInSubmission("4", "3", null, null, false, CheckInSubmission.Source.TEXT,
                null, null))).isInstanceOf(CheckInResult.Saved.class);
        actions.add(id, "Ask my deputy to chair the huddle");
        assertThat(rows("check_in", "participant_id", id)).isEqualTo(1);
        assertThat(rows("action_item", "participant_id", id)).isEqualTo(1);
    }

    @Test
    void theChatStillAnswersWithTheNoticeAndStoresNothing() {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        User user = User.fresh("Nia Okafor");
        teams.expectReplies(teams.install(user));
        String answer = teams.expectReplies(teams.message(user, "add action Book the away day")).replies().toString();
        assertThat(answer).contains("Before I record anything I need your agreement");
        assertThat(db.queryForObject("select count(*) from action_item a join participant p on p.id = a.participant_id "
                + "where p.aad_object_id = ?", Integer.class, user.aadObjectId())).isZero();
    }

    private long stranger() {
        String aad = UUID.randomUUID().toString();
        return participants.recognise(new TeamsIdentity(TeamsClient.TENANT, "29:" + aad, aad, "Ola Boundary",
                "Europe/London"), null).getId();
    }

    private int rows(String table, String column, long id) {
        return db.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, id);
    }
}
