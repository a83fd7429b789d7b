package com.waymark.teams;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.builder.NextDelegate;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A per-person budget for what people send (messages and card actions; default 30 a minute,
 * {@code waymark.bot.messages-per-minute}). Over it, the first message gets one kind reply and nothing more is
 * processed until the budget refills; the HTTP answer stays 2xx, so Teams does not retry. Buckets live in this
 * instance's memory: behind a load balancer each instance counts on its own, which is enough to stop a runaway
 * client or script from flooding the database, and is not meant as a quota.
 */
@Component
class InboundRateLimiter {

    static final String SLOW_DOWN = "You're sending messages faster than I can keep up with, so I've set the last "
            + "few aside without acting on them. Please wait a minute, then send again what you need.";

    private static final Logger log = LoggerFactory.getLogger(InboundRateLimiter.class);
    private static final String ADAPTIVE_CARD_ACTION = "adaptiveCard/action";
    private static final String MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message";

    /** Outcome of one attempt to spend from a person's budget. */
    enum Decision { ALLOWED, REFUSED_FIRST, REFUSED_AGAIN }

    private static final class Budget {
        final Bucket bucket;
        boolean told;

        Budget(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    private final int perMinute;
    private final TimeMeter time;
    private final Map<String, Budget> budgets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Budget> eldest) {
            return size() > 100_000; // someone idle for long has a full bucket anyway: forgetting them is safe
        }
    });

    InboundRateLimiter(BotSettings settings, Clock clock) {
        this.perMinute = settings.messagesPerMinute();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    Decision spend(String person) {
        if (perMinute <= 0) {
            return Decision.ALLOWED;
        }
        Budget budget = budgets.computeIfAbsent(person, key -> new Budget(Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build()));
        synchronized (budget) {
            if (budget.bucket.tryConsume(1)) {
                budget.told = false;
                return Decision.ALLOWED;
            }
            if (budget.told) {
                return Decision.REFUSED_AGAIN;
            }
            budget.told = true;
            return Decision.REFUSED_FIRST;
        }
    }

    Middleware middleware() {
        return this::onTurn;
    }

    private CompletableFuture<Void> onTurn(TurnContext turn, NextDelegate next) {
        Activity activity = turn.getActivity();
        boolean counted = activity.isType(ActivityTypes.MESSAGE) || activity.isType(ActivityTypes.INVOKE);
        if (!counted || !TurnFacts.hasSender(activity)) {
            return next.next();
        }
        String from = activity.getFrom().getAadObjectId() != null ? activity.getFrom().getAadObjectId()
                : activity.getFrom().getId();
        Decision decision = spend(TurnFacts.tenantId(activity) + "|" + from);
        if (decision == Decision.ALLOWED) {
            return next.next();
        }
        log.info("Inbound rate limit reached for one person ({})", decision);
        if (activity.isType(ActivityTypes.INVOKE)) {
            return answerInvoke(turn, activity, decision == Decision.REFUSED_FIRST);
        }
        return decision == Decision.REFUSED_FIRST
                ? turn.sendActivity(MessageFactory.text(SLOW_DOWN)).thenApply(sent -> null)
                : CompletableFuture.completedFuture(null);
    }

    /** An invoke must still be answered with a 200, or Teams shows the person an error. */
    private static CompletableFuture<Void> answerInvoke(TurnContext turn, Activity activity, boolean tell) {
        Object body = null;
        if (ADAPTIVE_CARD_ACTION.equals(activity.getName())) {
            AdaptiveCardInvokeResponse message = new AdaptiveCardInvokeResponse();
            message.setStatusCode(200);
            message.setType(MESSAGE_RESPONSE);
            message.setValue(tell ? SLOW_DOWN : "Please wait a minute, then try again.");
            body = message;
        }
        Activity response = new Activity(ActivityTypes.INVOKE_RESPONSE);
        response.setValue(new InvokeResponse(200, body));
        return turn.sendActivity(response).thenApply(sent -> null);
    }
}
