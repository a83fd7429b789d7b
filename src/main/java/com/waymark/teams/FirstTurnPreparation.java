package com.waymark.teams;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ExpectedReplies;
import com.microsoft.bot.schema.Serialization;
import com.waymark.teams.BotFrameworkConfiguration.TenantAwareAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Builds what every turn needs and the first turn of a process would otherwise build, and holds the web server back
 * until it is built, so the first message after a scale-from-zero start is answered at the speed of the ones after it.
 * <p>
 * The first message after a start took 0.56-0.79 s to answer against 0.02-0.04 s for the next new person's (plain
 * {@code java -jar}): the SDK's pipeline asks for a connector client on every turn, and the first one built loads
 * OkHttp and TLS and reads and parses the JDK's trusted certificates; Jackson builds its (de)serialisers for the
 * activity types on first use. Both are done here, with nothing stored and no call made, on a thread of their own
 * that starts with this bean, beside the rest of the start; once every bean is made the start waits for it, and the
 * web server (started later, with the context's lifecycle) opens after it, readiness later still. What is left of the
 * first turn's cost is its first write of each kind, which only a real turn can make. A failure, or a preparation
 * still running after {@link #MAX_WAIT}, is logged and does not hold the start back: the first turn then does the
 * work as before.
 */
@Component
class FirstTurnPreparation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstTurnPreparation.class);

    static final Duration MAX_WAIT = Duration.ofSeconds(30);

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

    private final CompletableFuture<Void> preparation;

    @Autowired
    FirstTurnPreparation(TenantAwareAdapter adapter) {
        this(() -> {
            adapter.prepareConnectorClient();
            prepareSerialisers();
        });
    }

    FirstTurnPreparation(Runnable work) {
        preparation = CompletableFuture.runAsync(work, FirstTurnPreparation::onOwnThread);
    }

    /** Waits for the preparation, at most {@link #MAX_WAIT}; whatever its outcome, the start goes on. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            preparation.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            log.warn("Could not prepare for the first turn at start-up ({}); the first turn will do it",
                    failed.getCause().getClass().getSimpleName());
        } catch (TimeoutException slow) {
            log.warn("Preparing for the first turn took longer than {} s; starting without waiting for it",
                    MAX_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the preparation has finished, well or not. */
    boolean done() {
        return preparation.isDone();
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
        Thread thread = new Thread(task, "first-turn-preparation");
        thread.setDaemon(true);
        thread.start();
    }
}
