package com.waymark.teams;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.outbox.DeliveryWorker;
import com.waymark.support.Chat;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL statement one check-in turn sends to the database, Hibernate's and plain JDBC's alike, counted by the
 * database itself (H2's query statistics: each distinct statement and how often it ran, commits included), so that a
 * statement added to the hot path of inbound load fails here rather than showing up as lower throughput in load-bench.
 * Quartz and the outbox poller pause meanwhile (a measurement that a finishing job's bookkeeping ran beside is taken
 * again); the check-in has no reflection, so no embedding runs after it.
 */
class CheckInTurnStatementsTest extends WaymarkIntegrationTest {

    /** The most statements a check-in turn may take, commits and rollbacks included. */
    static final int MAX_STATEMENTS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    Scheduler scheduler;
    @Autowired
    DeliveryWorker outboxWorker;

    @Test
    void aCheckInTurnTakesNoMoreThanItsBudgetOfStatements() throws Exception {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        Chat chat = new Chat(teams, db);
        Chat.Coach coach = chat.coach("Statement Coach").createsUnique("Statements");
        Chat.Person person = chat.person("Statement Count").agree().joins(coach);
        User user = person.user();
        assertThat(submit(teams, user)).contains("Saved");

        scheduler.standby();
        outboxWorker.stop();
        List<Map<String, Object>> statements;
        try {
            while (!scheduler.getCurrentlyExecutingJobs().isEmpty()) {
                Thread.sleep(20);
            }
            // A job that had just finished may still be writing its bookkeeping, with commits nobody can tell from
            // the turn's: measure again (a few times at most) until nothing of Quartz's ran beside the turn.
            statements = List.of();
            for (int attempt = 0; attempt < 5; attempt++) {
                Thread.sleep(200);
                // Turning the statistics off and on again empties them.
                db.execute("SET QUERY_STATISTICS FALSE");
                db.execute("SET QUERY_STATISTICS TRUE");
                assertThat(submit(teams, user)).contains("Saved");
                statements = db.queryForList("select sql_statement, execution_count from "
                        + "information_schema.query_statistics where sql_statement not like '%query_statistics%' "
                        + "order by sql_statement");
                if (statements.stream().noneMatch(st -> st.get("SQL_STATEMENT").toString().contains("QRTZ_"))) {
                    break;
                }
            }
        } finally {
            db.execute("SET QUERY_STATISTICS FALSE");
            outboxWorker.start();
            scheduler.start();
        }
        int total = statements.stream().mapToInt(s -> ((Number) s.get("EXECUTION_COUNT")).intValue()).sum();
        StringBuilder listing = new StringBuilder();
        statements.forEach(s -> listing.append(s.get("EXECUTION_COUNT")).append(" × ").append(s.get("SQL_STATEMENT"))
                .append('\n'));
        System.out.println("check-in turn: " + total + " statements\n" + listing);

        assertThat(total).as("statements of one check-in turn:\n" + listing).isLessThanOrEqualTo(MAX_STATEMENTS);
        assertThat(db.queryForList("select programme_id from check_in where participant_id = ?", Long.class,
                person.id())).as("every check-in counts for the programme they joined").hasSizeGreaterThanOrEqualTo(2)
                .containsOnly(coach.programmeId());
        assertThat(statements).as("the person is read once").filteredOn(s -> s.get("SQL_STATEMENT").toString()
                .toLowerCase().matches("(?s)select .* from participant .*where .*identity_key.*")).hasSize(1);
        assertThat(statements).as("consent is asked once, by the service under the person's lock, not by the edge "
                        + "before it as well").filteredOn(s -> s.get("SQL_STATEMENT").toString().contains("consent_record"))
                .extracting(s -> ((Number) s.get("EXECUTION_COUNT")).intValue()).containsExactly(1);
        assertThat(statements).as("no statement is a union at its top level, which H2 parses afresh each time instead "
                + "of keeping it prepared").filteredOn(s -> outsideParentheses(s.get("SQL_STATEMENT").toString())
                .toLowerCase().contains(" union ")).isEmpty();
        assertThat(statements).as("one transaction: recognising a person whose details are as stored commits nothing")
                .filteredOn(s -> s.get("SQL_STATEMENT").toString().equals("COMMIT"))
                .extracting(s -> ((Number) s.get("EXECUTION_COUNT")).intValue()).containsExactly(2);
    }

    /** The statement with every parenthesised part taken out: what is left is its top level. */
    private static String outsideParentheses(String sql) {
        StringBuilder top = new StringBuilder();
        int depth = 0;
        for (char c : sql.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && c != ')') {
                top.append(c);
            }
        }
        return top.toString();
    }

    private static String submit(TeamsClient teams, User user) {
        ObjectNode value = JSON.createObjectNode().put("action", "checkin").put("wellbeing", "4").put("energy", "3")
                .put("quoteOk", "false");
        return teams.expectReplies(teams.cardSubmit(user, value)).body();
    }
}
