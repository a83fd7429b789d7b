package com.waymark.teams;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.waymark.support.SecuredIntegrationTest;
import com.waymark.support.TeamsClient;
import com.waymark.support.TeamsClient.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an authentic request still has to pass: the tenant allow-list (403, nothing stored), redelivery (answered
 * once, processed once) and the per-person rate limit (a kind reply once, then silence, HTTP stays 2xx).
 */
class InboundGuardsTest extends SecuredIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    InboundDedupe dedupe;

    TeamsClient teams;
    User user;

    @BeforeEach
    void client() {
        teams = authorized(port);
        user = User.fresh("Sam Okafor");
        CLOCK.advance(Duration.ofMinutes(2)); // every test starts with a full budget
    }

    // --- tenants --------------------------------------------------------------------------------------

    @Test
    void anotherTenantGetsA403AndNothingIsStored() {
        ObjectNode foreign = teams.message(user, "add action Never stored");
        foreign.with("conversation").put("tenantId", OTHER_TENANT);
        foreign.with("channelData").with("tenant").put("id", OTHER_TENANT);
        TeamsClient.Answer answer = teams.expectReplies(foreign);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("detail").asText()).contains("does not serve your organisation");
        assertThat(participants()).isZero();
    }

    @Test
    void tenantIdsMustAgreeAndBePresent() {
        ObjectNode mixed = teams.message(user, "help");
        mixed.with("channelData").with("tenant").put("id", OTHER_TENANT);
        assertThat(teams.expectReplies(mixed).status()).isEqualTo(403);

        ObjectNode none = teams.message(user, "help");
        none.with("conversation").remove("tenantId");
        none.remove("channelData");
        assertThat(teams.expectReplies(none).status()).isEqualTo(403);
        assertThat(participants()).isZero();
    }

    @Test
    void allowedTenantsMatchWhateverTheCase() {
        ObjectNode upper = teams.message(user, "help");
        String second = "0a1b2c3d-0000-4000-8000-00000000000f";
        upper.with("conversation").put("tenantId", second);
        upper.with("channelData").with("tenant").put("id", second);
        assertThat(teams.expectReplies(upper).status()).isEqualTo(200);
        assertThat(teams.expectReplies(teams.message(user, "help")).status()).isEqualTo(200);
    }

    // --- redelivery -----------------------------------------------------------------------------------

    @Test
    void aRedeliveredActivityIsAnsweredButProcessedOnce() {
        consent();
        ObjectNode add = teams.message(user, "add action Walk the wards on Friday");
        List<JsonNode> first = teams.expectReplies(add).replies();
        assertThat(first).isNotEmpty();

        TeamsClient.Answer again = teams.expectReplies(add);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.replies()).isEmpty();
        assertThat(teams.post(add).status()).isEqualTo(200);
        assertThat(actions()).isOne();

        // The same activity id in another conversation is another activity.
        ObjectNode elsewhere = add.deepCopy();
        elsewhere.with("conversation").put("id", user.conversationId() + "-other");
        assertThat(teams.expectReplies(elsewhere).replies()).isNotEmpty();
    }

    @Test
    void theWindowEndsAndThePurgeForgets() {
        ObjectNode hello = teams.message(user, "help");
        assertThat(teams.expectReplies(hello).replies()).isNotEmpty();
        assertThat(teams.expectReplies(hello).replies()).isEmpty();

        CLOCK.advance(Duration.ofHours(25));
        assertThat(teams.expectReplies(hello).replies()).as("past the window it is new again").isNotEmpty();
        CLOCK.advance(Duration.ofHours(25));
        assertThat(dedupe.purge()).isPositive();
        assertThat(db.queryForObject("select count(*) from processed_activity", Integer.class)).isZero();
        assertThat(db.queryForObject("select max(length(activity_key)) from processed_activity", Integer.class))
                .as("only hashes are kept").isNull();
    }

    @Test
    void aFailedTurnReleasesItsClaimSoTheRetryIsProcessed() throws Exception {
        com.microsoft.bot.schema.Activity activity = InboundActivityReader.read(teams.message(user, "help").toString());
        InboundDedupe.Claim claim = dedupe.claim(activity);
        assertThat(claim.duplicate()).isFalse();
        assertThat(dedupe.claim(activity).duplicate()).isTrue();
        dedupe.release(claim);
        assertThat(dedupe.claim(activity).duplicate()).isFalse();
    }

    @Test
    void keysAreHashesNotIds() {
        teams.expectReplies(teams.message(user, "help"));
        assertThat(db.queryForList("select activity_key from processed_activity", String.class))
                .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"))
                .noneSatisfy(key -> assertThat(key).contains(user.aadObjectId()));
    }

    // --- rate limit -----------------------------------------------------------------------------------

    @Test
    void overTheLimitOneKindReplyThenSilenceThenBackToNormal() {
        consent(); // one of the budget
        for (int i = 1; i < PER_MINUTE; i++) {
            assertThat(text(teams.expectReplies(teams.message(user, "help")).replies())).doesNotContain("faster");
        }
        TeamsClient.Answer over = teams.expectReplies(teams.message(user, "add action Too fast"));
        assertThat(over.status()).isEqualTo(200);
        assertThat(text(over.replies())).isEqualTo(InboundRateLimiter.SLOW_DOWN);
        TeamsClient.Answer again = teams.expectReplies(teams.message(user, "add action Still too fast"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.replies()).as("told once").isEmpty();
        assertThat(teams.post(teams.message(user, "add action Fast, not expecting replies")).status())
                .isBetween(200, 299);
        assertThat(actions()).as("nothing over the limit was processed").isZero();

        // Someone else is not affected.
        User other = User.fresh("Priya Raman");
        assertThat(text(teams.expectReplies(teams.message(other, "help")).replies())).doesNotContain("faster");

        CLOCK.advance(Duration.ofSeconds(61));
        teams.expectReplies(teams.message(user, "add action At a human pace"));
        assertThat(actions()).isOne();
    }

    @Test
    void cardActionsOverTheLimitStillGetAnInvokeAnswer() {
        for (int i = 0; i < PER_MINUTE; i++) {
            teams.expectReplies(teams.message(user, "help"));
        }
        ObjectNode invoke = teams.message(user, null);
        invoke.remove("text");
        invoke.put("type", "invoke").put("name", "adaptiveCard/action");
        invoke.putObject("value").put("trigger", "manual").putObject("action").put("type", "Action.Execute")
                .put("verb", "showTrend").putObject("data").put("action", "showTrend");
        TeamsClient.Answer answer = teams.post(invoke);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(answer.json().path("value").asText()).isEqualTo(InboundRateLimiter.SLOW_DOWN);
    }

    @Test
    void eventsDoNotCountAgainstTheBudget() {
        for (int i = 0; i < PER_MINUTE * 2; i++) {
            ObjectNode typing = teams.message(user, "");
            typing.put("type", "typing");
            assertThat(teams.post(typing).status()).isBetween(200, 299);
        }
        assertThat(text(teams.expectReplies(teams.message(user, "help")).replies())).doesNotContain("faster");
    }

    private void consent() {
        teams.expectReplies(teams.cardSubmit(user, JSON.createObjectNode().put("action", "consent")));
    }

    private static String text(List<JsonNode> replies) {
        return replies.isEmpty() ? "" : replies.get(replies.size() - 1).path("text").asText();
    }

    private int participants() {
        return db.queryForObject("select count(*) from participant where aad_object_id = ?", Integer.class,
                user.aadObjectId());
    }

    private int actions() {
        return db.queryForObject("select count(*) from action_item a join participant p on p.id = a.participant_id "
                + "where p.aad_object_id = ?", Integer.class, user.aadObjectId());
    }
}
