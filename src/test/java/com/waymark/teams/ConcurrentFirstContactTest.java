package com.waymark.teams;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wave of first contacts larger than the connection pool (10): everyone is welcomed at once, and promptly.
 * Registering someone used to take a second pooled connection while holding the first, so as many simultaneous
 * first contacts as the pool has connections held them all and waited, every turn stalling until the pool's
 * 30-second timeout.
 */
class ConcurrentFirstContactTest extends WaymarkIntegrationTest {

    private static final int PEOPLE = 40;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    @Test
    void fortyPeopleInstallingAtOnceAreAllWelcomedWithinSeconds() throws Exception {
        TeamsClient teams = new TeamsClient(port, CONNECTOR.serviceUrl());
        List<User> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(User.fresh("Wave " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
        long start = System.nanoTime();
        try {
            List<Future<TeamsClient.Answer>> answers = new ArrayList<>();
            for (User person : people) {
                answers.add(pool.submit(() -> teams.expectReplies(teams.install(person))));
            }
            for (Future<TeamsClient.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(answer.get().body()).contains("Before we start");
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).as("all welcomed well inside the pool's 30-second connection timeout").isLessThan(15);
        assertThat(db.queryForObject("select count(*) from participant where display_name like 'Wave %' "
                + "and welcomed_at is not null", Integer.class)).isEqualTo(PEOPLE);
    }
}
