package com.waymark.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.waymark.support.Chat;
import com.waymark.support.Http;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import com.waymark.support.WaymarkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes, metrics and what the management endpoints do (and do not) expose, on the running application. */
class OperationsEndpointsTest extends WaymarkIntegrationTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int management;
    @Autowired
    QuartzHealthIndicator quartz;

    @Test
    void livenessAndReadinessAreUp() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            var answer = Http.get(management, probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().path("status").asText()).as(probe).isEqualTo("UP");
        }
        var scheduler = quartz.health();
        assertThat(scheduler.getStatus()).isEqualTo(Status.UP);
        assertThat(scheduler.getDetails()).containsEntry("started", true).containsEntry("standby", false)
                .containsEntry("clustered", false); // H2: one instance
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        var links = Http.get(management, "/actuator").json().path("_links");
        assertThat(links.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
        for (String hidden : new String[] {"/actuator/env", "/actuator/metrics", "/actuator/beans", "/actuator/heapdump",
                "/actuator/loggers", "/actuator/configprops"}) {
            assertThat(Http.get(management, hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void prometheusShowsTheWaymarkMetersAfterAMessage() {
        String before = Http.get(management, "/actuator/prometheus").body();
        User user = User.fresh("Morgan Ellis");
        Chat.Person person = new Chat(new TeamsClient(port, CONNECTOR.serviceUrl()), null).person(user).agree();
        String reflection = "Metrics must never carry this reflection";
        assertThat(person.say("4 3 " + reflection).get(0).toString()).contains("Saved");

        var answer = Http.get(management, "/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        String after = answer.body();
        assertThat(after).contains("waymark_turn_latency_seconds_bucket{").contains("le=\"+Inf\"")
                .contains("application=\"waymark\"").doesNotContain(reflection).doesNotContain(user.aadObjectId());
        assertThat(value(after, "waymark_messages_in_total", "type=\"message\""))
                .isGreaterThanOrEqualTo(value(before, "waymark_messages_in_total", "type=\"message\"") + 2);
        assertThat(value(after, "waymark_messages_in_total", "type=\"installationUpdate\"")).isPositive();
        assertThat(value(after, "waymark_messages_out_total", "type=\"message\""))
                .isGreaterThanOrEqualTo(value(before, "waymark_messages_out_total", "type=\"message\"") + 3);
        assertThat(value(after, "waymark_checkins_answered_total", "source=\"text\""))
                .isEqualTo(value(before, "waymark_checkins_answered_total", "source=\"text\"") + 1);
        assertThat(value(after, "waymark_turn_latency_seconds_count", "outcome=\"ok\"")).isPositive();
        // The outbound side, present from the start: the funnel, the queue and the theme computation time.
        assertThat(after).contains("waymark_checkins_sent_total{").contains("waymark_checkins_missed_total{")
                .contains("waymark_outbox_depth{").contains("waymark_themes_compute_seconds_count{");
    }

    /** The sum of one meter's samples whose labels contain {@code label}; 0 when there are none. */
    private static double value(String exposition, String name, String label) {
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(exposition);
        double sum = 0;
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }
}
