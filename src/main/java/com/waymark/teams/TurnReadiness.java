package com.waymark.teams;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ExpectedReplies;
import com.microsoft.bot.schema.Serialization;
import com.waymark.teams.BotFrameworkConfiguration.TenantAwareAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code turn} in the readiness group: DOWN until what every turn needs, and the first turn of a process would
 * otherwise build, is built.
 * <p>
 * The first message after a start took 0.56-0.63 s to answer against 0.02 s for the next new person's (plain
 * {@code java -jar}): the SDK's pipeline asks for a connector client on every turn, and the first one built loads
 * OkHttp and TLS and reads and parses the JDK's trusted certificates; Jackson builds its (de)serialisers for the
 * activity types on first use. Both are done here instead, on a thread of their own beside the rest of the start, with
 * nothing stored and no call made, so the first message after a scale-from-zero start waits for neither. What is left
 * of the first turn's cost is the first write of each kind, which only a real turn can make. A failure is logged and
 * does not hold readiness back: the first turn then does the work as before.
 */
@Component("turnHealthIndicator")
class TurnReadiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(TurnReadiness.class);

    /** A Teams message as {@code /api/messages} reads it: the fields every turn's activity has. */
    private static final String SAMPLE_ACTIVITY = """
            {"type":"message","id":"f:prepare","channelId":"msteams","serviceUrl":"https://127.0.0.1:9/",
             "timestamp":"2026-01-05T09:00:00.000Z","localTimestamp":"2026-01-05T09:00:00.000+00:00",
             "locale":"en-GB","localTimezone":"Europe/London","text":"hello","deliveryMode":"expectReplies",
             "from":{"id":"29:prepare","name":"Waymark","aadObjectId":"00000000-0000-0000-0000-000000000000"},
             "recipient":{"id":"28:prepare","name":"Waymark"},
             "conversation":{"id":"a:prepare","conversationType":"personal","tenantId":"prepare"},
             "channelData":{"tenant":{"id":"prepare"}},
             "value":{"action":"checkin","wellbeing":"4","energy":"3"}}""";

    private final CompletableFuture<Void> prepared;

    @Autowired
    TurnReadiness(TenantAwareAdapter adapter) {
        this(() -> {
            adapter.prepareConnectorClient();
            prepareSerialisers();
        });
    }

    TurnReadiness(Runnable preparation) {
        prepared = CompletableFuture.runAsync(preparation, TurnReadiness::onOwnThread)
                .exceptionally(failure -> {
                    log.warn("Could not prepare for the first turn at start-up ({}); the first turn will",
                            failure.getClass().getSimpleName());
                    return null;
                });
    }

    @Override
    public Health health() {
        return prepared.isDone() ? Health.up().build() : Health.down().withDetail("turn", "preparing").build();
    }

    /** Reads an activity as the controller does and writes a card reply as an {@code expectReplies} answer is. */
    static String prepareSerialisers() {
        Activity activity;
        try {
            activity = InboundActivityReader.read(SAMPLE_ACTIVITY);
        } catch (InboundActivityReader.Malformed e) {
            throw new IllegalStateException("The sample activity is one the controller reads", e);
        }
        Activity reply = Reply.card(AdaptiveCard.create().text("Prepared"));
        reply.applyConversationReference(activity.getConversationReference());
        ExpectedReplies replies = new ExpectedReplies();
        replies.setActivities(List.of(reply));
        return Serialization.toStringSilent(replies);
    }

    private static void onOwnThread(Runnable task) {
        Thread thread = new Thread(task, "turn-preparation");
        thread.setDaemon(true);
        thread.start();
    }
}
