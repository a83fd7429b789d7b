package com.waymark.teams;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Teams' documented limits, enforced before we call the connector so we are throttled rarely rather than
 * often: per conversation (7 per second, 60 per 30 seconds, 1,800 per hour by default) and for the whole
 * bot (a steady rate). All configurable under {@code waymark.teams.rate.*}.
 */
@Component
@EnableConfigurationProperties(ConnectorRateSettings.class)
class ConnectorRateLimiter {

    private final Bucket bot;
    private final int perSecond;
    private final int per30Seconds;
    private final int perHour;
    private final Map<String, Bucket> conversations = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > 100_000; // idle conversations' buckets are full anyway: forgetting them is safe
                }
            });

    ConnectorRateLimiter(ConnectorRateSettings rates) {
        int botPerSecond = rates.botPerSecond();
        // Capacity 1, refilled evenly: a smooth stream at the configured rate, no bursts to be throttled for.
        this.bot = Bucket.builder().addLimit(limit -> limit.capacity(1)
                .refillGreedy(1, Duration.ofNanos(1_000_000_000L / botPerSecond))).build();
        this.perSecond = rates.conversationPerSecond();
        this.per30Seconds = rates.conversationPer30s();
        this.perHour = rates.conversationPerHour();
    }

    /** Waits for the bot-wide budget. */
    void awaitBotPermit() throws InterruptedException {
        bot.asBlocking().consume(1);
    }

    /** Zero when this conversation may be sent to now, else how long until it may. */
    Duration conversationWait(String conversationId) {
        Bucket bucket = conversations.computeIfAbsent(conversationId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .addLimit(limit -> limit.capacity(per30Seconds).refillGreedy(per30Seconds, Duration.ofSeconds(30)))
                .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
