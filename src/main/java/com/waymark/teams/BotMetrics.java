package com.waymark.teams;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.builder.NextDelegate;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The edge's meters. Tags are only ever an activity type from the Bot Framework's fixed list (anything
 * else is {@code other}, since the type arrives from the caller) and an outcome: never ids, names or text.
 * <ul>
 * <li>{@code waymark.messages.in}: activities the adapter accepted, by type;</li>
 * <li>{@code waymark.messages.out}: activities the bot sent, replies and proactive messages alike, by type
 * (not invoke responses, which are the HTTP answer, nor traces, which never reach Teams);</li>
 * <li>{@code waymark.turn.latency}: from the request reaching {@code /api/messages} to the answer, by type and
 * outcome, with a percentiles histogram.</li>
 * </ul>
 */
@Component
class BotMetrics {

    static final String IN = "waymark.messages.in";
    static final String OUT = "waymark.messages.out";
    static final String LATENCY = "waymark.turn.latency";

    private static final Set<String> KNOWN_TYPES = Set.of(ActivityTypes.MESSAGE, ActivityTypes.CONTACT_RELATION_UPDATE,
            ActivityTypes.CONVERSATION_UPDATE, ActivityTypes.TYPING, ActivityTypes.END_OF_CONVERSATION,
            ActivityTypes.EVENT, ActivityTypes.INVOKE, ActivityTypes.INVOKE_RESPONSE, ActivityTypes.DELETE_USER_DATA,
            ActivityTypes.MESSAGE_UPDATE, ActivityTypes.MESSAGE_DELETE, ActivityTypes.INSTALLATION_UPDATE,
            ActivityTypes.MESSAGE_REACTION, ActivityTypes.SUGGESTION, ActivityTypes.TRACE, ActivityTypes.HANDOFF,
            ActivityTypes.DELAY, ActivityTypes.COMMAND, ActivityTypes.COMMAND_RESULT);

    private final MeterRegistry registry;

    BotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample startTurn() {
        return Timer.start(registry);
    }

    /** An activity the adapter authenticated and processed (whatever the bot then made of it). */
    void accepted(String activityType) {
        Counter.builder(IN).description("Activities received from Teams and accepted by the adapter")
                .tag("type", typeTag(activityType)).register(registry).increment();
    }

    void turnEnded(Timer.Sample sample, String activityType, String outcome) {
        sample.stop(Timer.builder(LATENCY).description("Time to answer one activity posted to /api/messages")
                .tag("type", typeTag(activityType)).tag("outcome", outcome)
                .publishPercentileHistogram().register(registry));
    }

    void sent(List<Activity> activities) {
        for (Activity activity : activities) {
            if (ActivityTypes.INVOKE_RESPONSE.equals(activity.getType()) || ActivityTypes.TRACE.equals(activity.getType())) {
                continue;
            }
            Counter.builder(OUT).description("Activities the bot sent (replies and proactive messages)")
                    .tag("type", typeTag(activity.getType())).register(registry).increment();
        }
    }

    /** Counts every activity the adapter sends, in turns started by Teams and in proactive ones. */
    Middleware outgoingCounter() {
        return new OutgoingCounter(this);
    }

    static String typeTag(String activityType) {
        return activityType != null && KNOWN_TYPES.contains(activityType) ? activityType : "other";
    }

    private record OutgoingCounter(BotMetrics metrics) implements Middleware {

        @Override
        public CompletableFuture<Void> onTurn(TurnContext turn, NextDelegate next) {
            turn.onSendActivities((context, activities, send) -> send.get().thenApply(responses -> {
                metrics.sent(activities);
                return responses;
            }));
            return next.next();
        }
    }
}
