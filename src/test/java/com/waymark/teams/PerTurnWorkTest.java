package com.waymark.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one check-in costs the database, counted by Hibernate: the hot path of inbound load (see load-bench). A
 * regression here shows up as lower throughput long before anyone notices it in Teams.
 */
class PerTurnWorkTest extends WaymarkIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    Scheduler scheduler;
    @Autowired
    DeliveryWorker outboxWorker;

    @Test
    void aCheckInCardSubmitTakesOneHibernateTransactionAndWritesOnlyTheCheckIn() throws Exception {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        User user = User.fresh("Per Turn");
        teams.expectReplies(teams.install(user));
        teams.expectReplies(teams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
        assertThat(submit(teams, user)).contains("Saved");
        String updatedAt = db.queryForObject("select cast(updated_at as varchar) from participant where aad_object_id = ?",
                String.class, user.aadObjectId());

        // Hibernate counts for the whole application: the outbox poller and Quartz's jobs pause meanwhile.
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        scheduler.standby();
        outboxWorker.stop();
        try {
            while (!scheduler.getCurrentlyExecutingJobs().isEmpty()) {
                Thread.sleep(20);
            }
            statistics.setStatisticsEnabled(true);
            statistics.clear();
            assertThat(submit(teams, user)).contains("Saved");
            // Through Hibernate: record's one transaction, and no statement. Plain JDBC, not counted here
            // (CheckInTurnStatementsTest counts every statement): the redelivery claim, recognising the person
            // (one read, no transaction, as nothing of theirs changed), the programme it counts for (one statement,
            // no transaction), and in the record's transaction the person's lock, the consent probe, the check-in's
            // insert, the open-occurrence probe and the trend with its count (one statement).
            assertThat(statistics.getTransactionCount()).as("transactions").isEqualTo(1);
            assertThat(statistics.getPrepareStatementCount()).as("statements through Hibernate").isZero();
            assertThat(statistics.getEntityInsertCount()).as("inserts through Hibernate").isZero();
            assertThat(statistics.getEntityUpdateCount()).as("updates").isZero();
        } finally {
            statistics.setStatisticsEnabled(false);
            outboxWorker.start();
            scheduler.start();
        }
        assertThat(db.queryForObject("select cast(updated_at as varchar) from participant where aad_object_id = ?",
                String.class, user.aadObjectId())).as("the participant row is not rewritten by an ordinary turn")
                .isEqualTo(updatedAt);
        assertThat(db.queryForObject("select conversation_reference from participant where aad_object_id = ?",
                String.class, user.aadObjectId())).contains(user.conversationId()).doesNotContain("activityId");
    }

    private static String submit(TeamsClient teams, User user) {
        ObjectNode value = JSON.createObjectNode().put("action", "checkin").put("wellbeing", "4").put("energy", "3")
                .put("reflection", "Listened first in the finance meeting.").put("quoteOk", "false");
        return teams.expectReplies(teams.cardSubmit(user, value)).body();
    }
}
